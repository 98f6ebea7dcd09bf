import { createRoute, z } from "@hono/zod-openapi";
import { listJobs } from "../../use-cases/jobs/list.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, JobListSchema, queryInteger } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/v1/jobs",
  operationId: "listJobs",
  tags: ["Jobs"],
  summary: "Your jobs, best match first (discovered ones carry their posting and score)",
  request: {
    query: z.object({
      discoveryId: z.uuid().optional(),
      limit: queryInteger(1, 100, 20),
      offset: queryInteger(0, 10_000, 0),
    }),
  },
  responses: {
    200: { description: "A page of jobs", content: { "application/json": { schema: JobListSchema } } },
    ...errorResponses(400, 401),
  },
});

export function registerJobsList(app: App) {
  app.openapi(route, async (c) =>
    c.json(await listJobs({ ctx: tenantContext(c), filter: c.req.valid("query") }), 200),
  );
}
