import { createRoute, z } from "@hono/zod-openapi";
import { createJob } from "../../services/jobs.ts";
import type { App } from "../app-type.ts";
import { serviceContext } from "../context.ts";
import { errorResponses, JobSchema } from "../schemas.ts";

const route = createRoute({
  method: "post",
  path: "/v1/jobs",
  tags: ["Jobs"],
  summary: "Post a job description and get its analysis",
  request: {
    body: {
      required: true,
      content: {
        "application/json": {
          schema: z.object({
            title: z.string().trim().min(1).max(200).optional(),
            text: z.string().trim().min(20, "the job description is too short to analyze").max(100_000),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: "Analyzed and stored", content: { "application/json": { schema: JobSchema } } },
    ...errorResponses(400, 401),
  },
});

export function registerJobsCreate(app: App) {
  app.openapi(route, async (c) =>
    c.json(await createJob({ ctx: serviceContext(c), input: c.req.valid("json") }), 201),
  );
}
