import { createRoute, z } from "@hono/zod-openapi";
import { requestRoast } from "../../use-cases/roasts/request.ts";
import { ROAST_MODES, ROAST_STYLES } from "../../vocabulary.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, IdempotencyHeaders, jsonBody, workflowAcceptedResponse } from "../schemas.ts";

const route = createRoute({
  method: "post",
  path: "/v1/roasts",
  operationId: "createRoast",
  tags: ["Roasts"],
  summary: "Roast a resume: candid feedback, gentle, honest or savage",
  description:
    "Returns 202 with the workflow id; on success its resultId is the roast (`GET /v1/roasts/{id}`). `mode` picks the rule-only fast roast (`rules`), a language model (`model`, within your daily budget) or lets Hireloop decide (`auto`).",
  request: {
    headers: IdempotencyHeaders,
    body: jsonBody(
      z.object({
        resumeId: z.uuid(),
        style: z.enum(ROAST_STYLES).default("honest"),
        mode: z.enum(ROAST_MODES).default("auto"),
      }),
    ),
  },
  responses: {
    ...workflowAcceptedResponse,
    ...errorResponses(400, 401, 404, 422),
  },
});

export function registerRoastsCreate(app: App) {
  app.openapi(route, async (c) => {
    const started = await requestRoast({
      ctx: tenantContext(c),
      input: c.req.valid("json"),
      idempotencyKey: c.req.valid("header")["idempotency-key"],
    });
    c.header("Location", `/v1/workflows/${started.workflowId}`);
    return c.json(started, 202);
  });
}
