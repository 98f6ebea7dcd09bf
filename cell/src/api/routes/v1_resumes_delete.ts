import { createRoute } from "@hono/zod-openapi";
import { deleteResume } from "../../use-cases/resumes/delete.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, IdParam } from "../schemas.ts";

const route = createRoute({
  method: "delete",
  path: "/v1/resumes/{id}",
  operationId: "deleteResume",
  tags: ["Resumes"],
  summary: "Delete a resume with its roasts and tailored documents",
  request: { params: IdParam },
  responses: {
    204: { description: "Deleted" },
    ...errorResponses(400, 401, 404),
  },
});

export function registerResumesDelete(app: App) {
  app.openapi(route, async (c) => {
    await deleteResume({ ctx: tenantContext(c), id: c.req.valid("param").id });
    return c.body(null, 204);
  });
}
