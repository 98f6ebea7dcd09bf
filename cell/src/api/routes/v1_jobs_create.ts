import { createRoute, z } from "@hono/zod-openapi";
import { createJob } from "../../use-cases/jobs/create.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, JobSchema, jsonBody, writtenText } from "../schemas.ts";

const route = createRoute({
  method: "post",
  path: "/v1/jobs",
  operationId: "createJob",
  tags: ["Jobs"],
  summary: "Post a job description and get its analysis",
  request: {
    body: jsonBody(
      z.object({
        title: writtenText(1, 200).optional(),
        text: writtenText(20, 100_000).openapi({ description: "The job description as posted" }),
      }),
    ),
  },
  responses: {
    201: {
      description: "Analyzed and stored",
      content: { "application/json": { schema: JobSchema } },
      links: {
        GetJob: { operationId: "getJob", parameters: { id: "$response.body#/id" } },
      },
    },
    ...errorResponses(422),
  },
});

export function registerJobsCreate(app: App) {
  app.openapi(route, async (c) =>
    c.json(await createJob({ ctx: tenantContext(c), input: c.req.valid("json") }), 201),
  );
}
