import { createRoute } from "@hono/zod-openapi";
import { getDiscovery } from "../../use-cases/discoveries/get.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { DiscoverySchema, errorResponses, IdParam } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/v1/discoveries/{id}",
  operationId: "getDiscovery",
  tags: ["Discoveries"],
  summary: "What a discovery searched, how many postings it found and what each board answered",
  request: { params: IdParam },
  responses: {
    200: { description: "The discovery", content: { "application/json": { schema: DiscoverySchema } } },
    ...errorResponses(400, 401, 404),
  },
});

export function registerDiscoveriesGet(app: App) {
  app.openapi(route, async (c) =>
    c.json(await getDiscovery({ ctx: tenantContext(c), id: c.req.valid("param").id }), 200),
  );
}
