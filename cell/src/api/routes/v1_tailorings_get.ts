import { createRoute } from "@hono/zod-openapi";
import { getTailoring } from "../../use-cases/tailorings/get.ts";
import { tenantContext } from "../context.ts";
import { TailoringSchema } from "../match-schemas.ts";
import type { App } from "../new-app.ts";
import { errorResponses, IdParam } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/v1/tailorings/{id}",
  operationId: "getTailoring",
  tags: ["Tailorings"],
  summary: "A finished tailoring: what it changed, before and after, and why, with the scores",
  request: { params: IdParam },
  responses: {
    200: { description: "The tailoring", content: { "application/json": { schema: TailoringSchema } } },
    ...errorResponses(400, 401, 404),
  },
});

export function registerTailoringsGet(app: App) {
  app.openapi(route, async (c) =>
    c.json(await getTailoring({ ctx: tenantContext(c), id: c.req.valid("param").id }), 200),
  );
}
