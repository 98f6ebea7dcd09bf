import { createRoute, z } from "@hono/zod-openapi";
import { getTailoringDocument } from "../../use-cases/tailorings/document.ts";
import { tenantContext } from "../context.ts";
import type { App } from "../new-app.ts";
import { errorResponses, IdParam } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/v1/tailorings/{id}/document",
  operationId: "getTailoringDocument",
  tags: ["Tailorings"],
  summary: "Download the tailored resume (PDF or DOCX)",
  request: { params: IdParam },
  responses: {
    200: {
      description: "The document",
      content: {
        "application/pdf": { schema: z.any().openapi({ type: "string", format: "binary" }) },
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
          schema: z.any().openapi({ type: "string", format: "binary" }),
        },
      },
    },
    ...errorResponses(400, 401, 404),
  },
});

export function registerTailoringsDocument(app: App) {
  app.openapi(route, async (c) => {
    const doc = await getTailoringDocument({ ctx: tenantContext(c), id: c.req.valid("param").id });
    return c.body(new Uint8Array(doc.document), 200, {
      "Content-Type": doc.contentType,
      "Content-Disposition": `attachment; filename="${doc.filename}"`,
      "Content-Length": String(doc.document.byteLength),
    });
  });
}
