import { MAX_RESUME_BYTES } from "@hireloop/resume-core";
import type { Context, MiddlewareHandler } from "hono";
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
 * never needs to be, and parsing a large JSON body would hold the event loop. A body whose length
 * is declared is judged by its Content-Length alone (Node's parser reads no byte past it), so the
 * route later reads it straight from the socket; a body of undeclared length (chunked, or a
 * request made in-process) is counted as it streams in, through the web Request that hono's
 * bodyLimit reads, which costs far more per request.
 */
export function limitBodies(): MiddlewareHandler<HonoEnv> {
  const upload = limitOf(MAX_UPLOAD_BODY_BYTES, "the upload");
  const json = limitOf(MAX_JSON_BODY_BYTES, "the request body");
  return async (c, next) => {
    const { maxSize, refuse, streamed } =
      mediaTypeOf(c.req.header("content-type")) === "multipart/form-data" ? upload : json;
    const declared = c.req.header("content-length");
    if (declared !== undefined && c.req.header("transfer-encoding") === undefined) {
      if (Number(declared) > maxSize) return refuse(c);
      return next();
    }
    // A GET or HEAD declaring no length has no body; anything else is counted as it comes.
    if (declared === undefined && (c.req.method === "GET" || c.req.method === "HEAD")) return next();
    return streamed(c, next);
  };
}

function limitOf(maxSize: number, what: string) {
  const refuse = (c: Context<HonoEnv>) =>
    errorResponse(c, 413, { code: "payload_too_large", message: `${what} is larger than ${maxSize} bytes` });
  return { maxSize, refuse, streamed: bodyLimit({ maxSize, onError: refuse }) };
}
