import { createRoute } from "@hono/zod-openapi";
import { getJob } from "../../use-cases/jobs/get.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, IdParam, JobSchema } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/v1/jobs/{id}",
  operationId: "getJob",
  tags: ["Jobs"],
  summary: "A job and its analysis",
  request: { params: IdParam },
  responses: {
    200: { description: "The job", content: { "application/json": { schema: JobSchema } } },
    ...errorResponses(400, 401, 404),
  },
});

export function registerJobsGet(app: App) {
  app.openapi(route, async (c) =>
    c.json(await getJob({ ctx: tenantContext(c), id: c.req.valid("param").id }), 200),
  );
}
