import { MAX_RESUME_TEXT_CHARS } from "@hireloop/resume-core";
import { createRoute, z } from "@hono/zod-openapi";
import { CellError } from "../../errors.ts";
import { createResume, type ResumeUpload } from "../../use-cases/resumes/create.ts";
import { tenantContext } from "../context.ts";
import { isJsonMediaType, mediaTypeOf } from "../media-type.ts";
import type { MultipartForm } from "../multipart.ts";
import type { App } from "../new-app.ts";
import { errorResponses, ResumeSchema, VISIBLE_CHARACTER } from "../schemas.ts";

const PastedResume = z.object({
  text: z
    .string()
    .min(1)
    .max(MAX_RESUME_TEXT_CHARS)
    .regex(new RegExp(VISIBLE_CHARACTER), "must contain a visible character")
    .openapi({ description: "The resume as plain text: what a resume holds fits easily" }),
});

const route = createRoute({
  method: "post",
  path: "/v1/resumes",
  operationId: "createResume",
  tags: ["Resumes"],
  summary: "Upload a resume (PDF, DOCX or plain text, at most 5 MB) and parse it into sections",
  description:
    'Send multipart/form-data with a `file` field, or JSON `{"text": …}`. A file that cannot be read is refused with 422 and a specific code (resume_empty, resume_unreadable, resume_truncated, resume_no_text_layer, resume_encrypted, resume_unsupported_type); nothing is stored for a refused upload.',
  request: {
    // JSON is validated when the request uses it; a multipart body is read as it streams (see
    // multipart.ts), so its schema here only describes it; any other type is a 415.
    body: {
      required: false,
      content: {
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: {
              file: { type: "string", format: "binary", description: "PDF, DOCX or plain text" },
            },
            required: ["file"],
            additionalProperties: false,
          },
        },
        "application/json": {
          schema: PastedResume,
        },
      },
    },
  },
  responses: {
    201: {
      description: "Parsed and stored",
      content: { "application/json": { schema: ResumeSchema } },
      links: {
        GetResume: { operationId: "getResume", parameters: { id: "$response.body#/id" } },
      },
    },
    ...errorResponses(400, 401, 413, 415, 422),
  },
});

export function registerResumesCreate(app: App) {
  app.openapi(route, async (c) => {
    const mediaType = mediaTypeOf(c.req.header("content-type"));
    let upload: ResumeUpload;
    if (isJsonMediaType(mediaType)) {
      // Validated against PastedResume by the route; the multipart schema (a plain one) hides its type.
      const { text } = c.req.valid("json" as never) as z.infer<typeof PastedResume>;
      upload = { source: "text", text };
    } else if (mediaType === "multipart/form-data") upload = fileUpload(c.get("form"));
    else {
      throw new CellError(
        "unsupported_media_type",
        'send the resume as multipart/form-data with a "file" field, or as JSON {"text": "…"}',
      );
    }
    return c.json(await createResume({ ctx: tenantContext(c), input: upload }), 201);
  });
}

function fileUpload(form: MultipartForm): ResumeUpload {
  const file = form.files.get("file");
  const others = [...form.fields.keys(), ...form.files.keys()].filter((name) => name !== "file");
  if (!file || others.length > 0) {
    const message = file ? "only a file field is taken" : "a file field is required";
    throw new CellError("validation_failed", `file: ${message}`, [{ path: "file", message }]);
  }
  return {
    source: "file",
    bytes: file.bytes,
    filename: file.filename || undefined,
    contentType: file.contentType || undefined,
  };
}
