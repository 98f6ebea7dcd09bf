import { MAX_RESUME_BYTES, MAX_RESUME_TEXT_CHARS } from "@hireloop/resume-core";
import { createRoute, z } from "@hono/zod-openapi";
import { ServiceError } from "../../errors.ts";
import { createResume, type ResumeUpload } from "../../services/resumes.ts";
import type { App } from "../app-type.ts";
import { serviceContext } from "../context.ts";
import { isJsonMediaType, mediaTypeOf } from "../media-type.ts";
import { errorResponses, ResumeSchema, VISIBLE_CHARACTER } from "../schemas.ts";

const route = createRoute({
  method: "post",
  path: "/v1/resumes",
  operationId: "createResume",
  tags: ["Resumes"],
  summary: "Upload a resume (PDF, DOCX or plain text, at most 5 MB) and parse it into sections",
  description:
    'Send multipart/form-data with a `file` field, or JSON `{"text": …}`. A file that cannot be read is refused with 422 and a specific code (resume_empty, resume_unreadable, resume_truncated, resume_no_text_layer, resume_encrypted, resume_unsupported_type); nothing is stored for a refused upload.',
  request: {
    // Each media type is validated only when the request uses it; any other type is a 415.
    body: {
      required: false,
      content: {
        "multipart/form-data": {
          schema: z.object({
            file: z
              .instanceof(File, { message: "a file field is required" })
              .openapi({ type: "string", format: "binary" }),
          }),
        },
        "application/json": {
          schema: z.object({
            text: z
              .string()
              .min(1)
              .max(MAX_RESUME_TEXT_CHARS)
              .regex(new RegExp(VISIBLE_CHARACTER), "must contain a visible character")
              .openapi({
                description: "The resume as plain text: what a resume holds fits easily",
              }),
          }),
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
    const body: { text: string } | { file: File } | Record<string, never> = isJsonMediaType(mediaType)
      ? c.req.valid("json")
      : mediaType === "multipart/form-data"
        ? c.req.valid("form")
        : {};
    let upload: ResumeUpload;
    if ("text" in body) upload = { source: "text", text: body.text };
    else if ("file" in body) upload = await fileUpload(body.file);
    else {
      throw new ServiceError(
        "unsupported_media_type",
        'send the resume as multipart/form-data with a "file" field, or as JSON {"text": "…"}',
      );
    }
    return c.json(await createResume({ ctx: serviceContext(c), input: upload }), 201);
  });
}

async function fileUpload(file: File): Promise<ResumeUpload> {
  if (file.size > MAX_RESUME_BYTES) {
    throw new ServiceError(
      "resume_too_large",
      `the resume is larger than ${MAX_RESUME_BYTES / 1024 / 1024} MB`,
    );
  }
  return {
    source: "file",
    bytes: new Uint8Array(await file.arrayBuffer()),
    filename: file.name || undefined,
    contentType: file.type || undefined,
  };
}
