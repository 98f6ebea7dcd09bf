import { json } from "@hireloop/testkit/client";

import { describeRouteSecurity, ownerResume } from "../support/route-security.ts";

describeRouteSecurity("PATCH /v1/resumes/{id}", {
  intruder: "not_found",
  async call(owner) {
    const resume = await ownerResume(owner);
    return {
      path: `/v1/resumes/${resume.id}`,
      init: { ...json({ summary: "Rewritten by someone else" }), method: "PATCH" },
      secrets: resume.secrets,
    };
  },
});
