import { createRoute } from "@hono/zod-openapi";
import { getWorkflow } from "../../use-cases/workflows/get.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, IdParam, WorkflowSchema } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/v1/workflows/{id}",
  operationId: "getWorkflow",
  tags: ["Workflows"],
  summary: "A workflow's status, progress (0–100) and steps; on success the tailoringId",
  request: { params: IdParam },
  responses: {
    200: { description: "The workflow", content: { "application/json": { schema: WorkflowSchema } } },
    ...errorResponses(400, 401, 404),
  },
});

export function registerWorkflowsGet(app: App) {
  app.openapi(route, async (c) => {
    return c.json(await getWorkflow({ ctx: tenantContext(c), id: c.req.valid("param").id }), 200);
  });
}
