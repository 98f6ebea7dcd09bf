import { MAX_RESUME_BYTES } from "@hireloop/resume-core";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { HonoEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { mediaTypeOf } from "../media-type.ts";

/** A multipart envelope around a 5 MB file needs some room. */
export const MAX_UPLOAD_BODY_BYTES = MAX_RESUME_BYTES + 512 * 1024;
/**
 * Every other body is JSON: the longest texts the API takes are 100,000 characters, which even
 * written as \u escapes stay under this.
 */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Refuses a body over its limit unread (413 payload_too_large): file uploads may be large, JSON
 * never needs to be, and parsing a large JSON body would hold the event loop.
 */
export function limitBodies(): MiddlewareHandler<HonoEnv> {
  const limit = (maxSize: number, what: string) =>
    bodyLimit({
      maxSize,
      onError: (c) =>
        errorResponse(c, 413, {
          code: "payload_too_large",
          message: `${what} is larger than ${maxSize} bytes`,
        }),
    });
  const upload = limit(MAX_UPLOAD_BODY_BYTES, "the upload");
  const json = limit(MAX_JSON_BODY_BYTES, "the request body");
  return (c, next) =>
    mediaTypeOf(c.req.header("content-type")) === "multipart/form-data" ? upload(c, next) : json(c, next);
}
