import { createRoute, z } from "@hono/zod-openapi";
import { scoreMatch } from "../../use-cases/matches/score.ts";
import { tenantContext } from "../context.ts";
import { MatchSchema } from "../match-schemas.ts";
import type { App } from "../new-app.ts";
import { errorResponses, jsonBody } from "../schemas.ts";

const route = createRoute({
  method: "post",
  path: "/v1/matches",
  operationId: "scoreMatch",
  tags: ["Matches"],
  summary: "Score a resume against a job (ATS match 0–100 with breakdown and suggestions)",
  request: {
    body: jsonBody(z.object({ resumeId: z.uuid(), jobId: z.uuid() })),
  },
  responses: {
    200: { description: "The match", content: { "application/json": { schema: MatchSchema } } },
    ...errorResponses(404, 422),
  },
});

export function registerMatchesCreate(app: App) {
  app.openapi(route, async (c) =>
    c.json(await scoreMatch({ ctx: tenantContext(c), input: c.req.valid("json") }), 200),
  );
}
