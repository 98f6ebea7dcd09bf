import { createRoute } from "@hono/zod-openapi";
import { cancelWorkflow, getWorkflowSnapshot } from "../../workflows/operations.ts";
import { serviceContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, IdParam, WorkflowSchema } from "../schemas.ts";

const route = createRoute({
  method: "post",
  path: "/v1/workflows/{id}/cancel",
  operationId: "cancelWorkflow",
  tags: ["Workflows"],
  summary: "Cancel a workflow that has not finished",
  request: { params: IdParam },
  responses: {
    200: { description: "Cancelled", content: { "application/json": { schema: WorkflowSchema } } },
    ...errorResponses(400, 401, 404, 409),
  },
});

export function registerWorkflowsCancel(app: App) {
  app.openapi(route, async (c) => {
    const { services, tenantId } = serviceContext(c);
    const { id } = c.req.valid("param");
    await cancelWorkflow(services, tenantId, id);
    return c.json(await getWorkflowSnapshot(services, tenantId, id), 200);
  });
}
