import { describeRouteSecurity, ownerWorkflow } from "../support/route-security.ts";

describeRouteSecurity("GET /v1/tailorings/{id}/document", {
  intruder: "not_found",
  worker: true,
  async call(owner) {
    const tailoring = await ownerWorkflow(owner, "tailoring");
    return { path: `/v1/tailorings/${tailoring.resultId}/document`, secrets: tailoring.secrets };
  },
});
