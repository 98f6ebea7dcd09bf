import { createRoute, z } from "@hono/zod-openapi";
import { correctResume } from "../../use-cases/resumes/correct.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { RESUME_ETAG, versionFromIfMatch } from "../resume-etag.ts";
import { errorResponses, IdParam, jsonBody, ResumeCorrectionSchema, ResumeSchema } from "../schemas.ts";

const route = createRoute({
  method: "patch",
  path: "/v1/resumes/{id}",
  operationId: "correctResume",
  tags: ["Resumes"],
  summary:
    "Correct what was parsed: each field given replaces that field; roasts and scores made before are marked stale",
  request: {
    params: IdParam,
    headers: z.object({
      "if-match": z.string().max(200).optional().openapi({
        description: 'The ETag of the version you corrected ("3"); refused with 412 if it changed',
      }),
    }),
    body: jsonBody(ResumeCorrectionSchema),
  },
  responses: {
    200: {
      description: "The corrected resume, one version on",
      headers: { ETag: RESUME_ETAG },
      content: { "application/json": { schema: ResumeSchema } },
    },
    ...errorResponses(400, 401, 404, 412),
  },
});

export function registerResumesCorrect(app: App) {
  app.openapi(route, async (c) => {
    const resume = await correctResume({
      ctx: tenantContext(c),
      id: c.req.valid("param").id,
      correction: c.req.valid("json"),
      expectedVersion: versionFromIfMatch(c.req.valid("header")["if-match"]),
    });
    c.header("ETag", `"${resume.version}"`);
    return c.json(resume, 200);
  });
}
