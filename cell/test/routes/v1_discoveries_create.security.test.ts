import { json } from "@hireloop/testkit/client";

import { describeRouteSecurity, ownerResume } from "../support/route-security.ts";

describeRouteSecurity("POST /v1/discoveries", {
  intruder: "not_found",
  async call(owner) {
    const resume = await ownerResume(owner);
    return {
      path: "/v1/discoveries",
      init: json({ query: "backend engineer", resumeId: resume.id }),
      secrets: resume.secrets,
    };
  },
});
