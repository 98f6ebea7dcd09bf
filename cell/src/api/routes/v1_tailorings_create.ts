import { createRoute, z } from "@hono/zod-openapi";
import { requestTailoring } from "../../use-cases/tailorings/request.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, IdempotencyHeaders, jsonBody, workflowAcceptedResponse } from "../schemas.ts";

const route = createRoute({
  method: "post",
  path: "/v1/tailorings",
  operationId: "createTailoring",
  tags: ["Tailorings"],
  summary: "Start tailoring a resume to a job; follow the returned workflow",
  description:
    "Returns 202 with the workflow id. With an `Idempotency-Key` header, repeating the request returns the same workflow; reusing the key for a different request is refused (422 idempotency_key_reused).",
  request: {
    headers: IdempotencyHeaders,
    body: jsonBody(
      z.object({
        resumeId: z.uuid(),
        jobId: z.uuid(),
        format: z.enum(["pdf", "docx"]).default("pdf"),
      }),
    ),
  },
  responses: {
    ...workflowAcceptedResponse,
    ...errorResponses(400, 401, 404, 422),
  },
});

export function registerTailoringsCreate(app: App) {
  app.openapi(route, async (c) => {
    const started = await requestTailoring({
      ctx: tenantContext(c),
      input: c.req.valid("json"),
      idempotencyKey: c.req.valid("header")["idempotency-key"],
    });
    c.header("Location", `/v1/workflows/${started.workflowId}`);
    return c.json(started, 202);
  });
}
