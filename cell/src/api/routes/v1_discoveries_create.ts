import { createRoute, z } from "@hono/zod-openapi";
import { requestDiscovery } from "../../use-cases/discoveries/request.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import {
  errorResponses,
  IdempotencyHeaders,
  jsonBody,
  workflowAcceptedResponse,
  writtenText,
} from "../schemas.ts";

const route = createRoute({
  method: "post",
  path: "/v1/discoveries",
  operationId: "createDiscovery",
  tags: ["Discoveries"],
  summary: "Find jobs: search the job boards, analyze each posting and score it against your resume",
  description:
    "Returns 202 with the workflow id; follow its progress, then `GET /v1/jobs?discoveryId=…` lists what it found, best match first. Scores use `resumeId`, or your latest resume.",
  request: {
    headers: IdempotencyHeaders,
    body: jsonBody(
      z.object({
        query: writtenText(2, 200).openapi({ example: "backend engineer" }),
        location: writtenText(1, 100).optional().openapi({ example: "remote" }),
        boards: z
          .array(z.string().min(1).max(40))
          .max(10)
          .optional()
          .openapi({ description: "Board names; the defaults when absent" }),
        resumeId: z.uuid().optional(),
      }),
    ),
  },
  responses: {
    ...workflowAcceptedResponse,
    ...errorResponses(400, 401, 404, 422),
  },
});

export function registerDiscoveriesCreate(app: App) {
  app.openapi(route, async (c) => {
    const started = await requestDiscovery({
      ctx: tenantContext(c),
      input: c.req.valid("json"),
      idempotencyKey: c.req.valid("header")["idempotency-key"],
    });
    c.header("Location", `/v1/workflows/${started.workflowId}`);
    return c.json(started, 202);
  });
}
