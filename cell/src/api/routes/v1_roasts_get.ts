import { createRoute } from "@hono/zod-openapi";
import { getRoast } from "../../use-cases/roasts/get.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, IdParam, RoastSchema } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/v1/roasts/{id}",
  operationId: "getRoast",
  tags: ["Roasts"],
  summary: "A finished roast",
  request: { params: IdParam },
  responses: {
    200: { description: "The roast", content: { "application/json": { schema: RoastSchema } } },
    ...errorResponses(400, 401, 404),
  },
});

export function registerRoastsGet(app: App) {
  app.openapi(route, async (c) =>
    c.json(await getRoast({ ctx: tenantContext(c), id: c.req.valid("param").id }), 200),
  );
}
