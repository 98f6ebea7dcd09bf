import { createRoute } from "@hono/zod-openapi";
import { describeTenant } from "../../use-cases/tenants/describe.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, TenantSchema } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/v1/me",
  operationId: "getMe",
  tags: ["Account"],
  summary: "Who you are here: your user id, the cell and region serving you, and since when",
  responses: {
    200: { description: "The caller", content: { "application/json": { schema: TenantSchema } } },
    ...errorResponses(401),
  },
});

export function registerMeGet(app: App) {
  app.openapi(route, async (c) => c.json(await describeTenant(tenantContext(c)), 200));
}
