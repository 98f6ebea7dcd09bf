import { json } from "@hireloop/testkit/client";

import { describeRouteSecurity, ownerResume } from "../support/route-security.ts";

describeRouteSecurity("POST /v1/workflows/{id}/cancel", {
  intruder: "not_found",
  async call(owner) {
    const resume = await ownerResume(owner);
    const started = await owner("/v1/roasts", json({ resumeId: resume.id, style: "honest", mode: "rules" }));
    const { workflowId } = await started.json();
    return { path: `/v1/workflows/${workflowId}/cancel`, secrets: [...resume.secrets, workflowId] };
  },
});
