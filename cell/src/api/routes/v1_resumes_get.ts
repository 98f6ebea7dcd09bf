import { createRoute } from "@hono/zod-openapi";
import { getResume } from "../../use-cases/resumes/get.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { RESUME_ETAG } from "../resume-etag.ts";
import { errorResponses, IdParam, ResumeSchema } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/v1/resumes/{id}",
  operationId: "getResume",
  tags: ["Resumes"],
  summary: "A resume and its parsed sections",
  request: { params: IdParam },
  responses: {
    200: {
      description: "The resume",
      headers: { ETag: RESUME_ETAG },
      content: { "application/json": { schema: ResumeSchema } },
    },
    ...errorResponses(400, 401, 404),
  },
});

export function registerResumesGet(app: App) {
  app.openapi(route, async (c) => {
    const resume = await getResume({ ctx: tenantContext(c), id: c.req.valid("param").id });
    c.header("ETag", `"${resume.version}"`);
    return c.json(resume, 200);
  });
}
