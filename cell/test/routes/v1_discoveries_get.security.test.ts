import { describeRouteSecurity, ownerWorkflow } from "../support/route-security.ts";

describeRouteSecurity("GET /v1/discoveries/{id}", {
  intruder: "not_found",
  worker: true,
  async call(owner) {
    const discovery = await ownerWorkflow(owner, "discovery");
    return { path: `/v1/discoveries/${discovery.resultId}`, secrets: discovery.secrets };
  },
});
