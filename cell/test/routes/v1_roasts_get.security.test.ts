import { describeRouteSecurity, ownerWorkflow } from "../support/route-security.ts";

describeRouteSecurity("GET /v1/roasts/{id}", {
  intruder: "not_found",
  worker: true,
  async call(owner) {
    const roast = await ownerWorkflow(owner, "roast");
    return { path: `/v1/roasts/${roast.resultId}`, secrets: roast.secrets };
  },
});
