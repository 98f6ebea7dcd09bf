import { createRoute } from "@hono/zod-openapi";
import { cancelWorkflow } from "../../use-cases/workflows/cancel.ts";
import { getWorkflow } from "../../use-cases/workflows/get.ts";
import { tenantContext } from "../context.ts";
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
    const ctx = tenantContext(c);
    const { id } = c.req.valid("param");
    await cancelWorkflow({ ctx, id });
    return c.json(await getWorkflow({ ctx, id }), 200);
  });
}
