import { createRoute, z } from "@hono/zod-openapi";
import { listResumes } from "../../use-cases/resumes/list.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, queryInteger, ResumeListSchema } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/v1/resumes",
  operationId: "listResumes",
  tags: ["Resumes"],
  summary: "Your resumes, newest first, a page at a time",
  request: {
    query: z.object({
      limit: queryInteger(1, 100, 20),
      cursor: z
        .string()
        .max(200)
        .regex(/^[A-Za-z0-9_-]+$/)
        .optional()
        .openapi({ description: "The nextCursor of the page before; omit for the first page" }),
    }),
  },
  responses: {
    200: { description: "A page of resumes", content: { "application/json": { schema: ResumeListSchema } } },
    ...errorResponses(400, 401, 422),
  },
});

export function registerResumesList(app: App) {
  app.openapi(route, async (c) =>
    c.json(await listResumes({ ctx: tenantContext(c), page: c.req.valid("query") }), 200),
  );
}
