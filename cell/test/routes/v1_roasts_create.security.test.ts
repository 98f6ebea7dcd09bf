import { json } from "@hireloop/testkit/client";

import { describeRouteSecurity, ownerResume } from "../support/route-security.ts";

describeRouteSecurity("POST /v1/roasts", {
  intruder: "not_found",
  async call(owner) {
    const resume = await ownerResume(owner);
    return {
      path: "/v1/roasts",
      init: json({ resumeId: resume.id, style: "savage", mode: "rules" }),
      secrets: resume.secrets,
    };
  },
});
