import { json } from "@hireloop/testkit/client";

import { describeRouteSecurity, ownerJob, ownerResume } from "../support/route-security.ts";

describeRouteSecurity("POST /v1/tailorings", {
  intruder: "not_found",
  async call(owner) {
    const [resume, job] = [await ownerResume(owner), await ownerJob(owner)];
    return {
      path: "/v1/tailorings",
      init: json({ resumeId: resume.id, jobId: job.id, format: "pdf" }),
      secrets: [...resume.secrets, ...job.secrets],
    };
  },
});
