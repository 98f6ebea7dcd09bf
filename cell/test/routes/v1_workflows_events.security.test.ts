import { describeRouteSecurity, ownerWorkflow } from "../support/route-security.ts";

describeRouteSecurity("GET /v1/workflows/{id}/events", {
  intruder: "not_found",
  worker: true,
  async call(owner) {
    const roast = await ownerWorkflow(owner, "roast");
    return { path: `/v1/workflows/${roast.workflowId}/events`, secrets: roast.secrets };
  },
});
