import type { ErrorBody } from "@hireloop/http";
import { httpStatusOf, IdentityError } from "@hireloop/identity";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ZodError } from "zod";
import { isDatabaseUnavailable } from "../db/errors.ts";
import { CellError } from "../errors.ts";
import type { HonoEnv } from "./env.ts";
import { isJsonMediaType, mediaTypeOf } from "./media-type.ts";

const TENANT_MIGRATING_RETRY_AFTER_SECONDS = 2;
/** Refusals that pass within seconds: a shared service restarting, a full pool, a user's own load. */
const RETRY_SOON = new Set([
  "dependency_unavailable",
  "cell_busy",
  "stream_capacity",
  "too_many_streams",
  "too_many_in_progress",
]);
const DEPENDENCY_RETRY_AFTER_SECONDS = 2;

export function errorResponse(
  c: Context<HonoEnv>,
  status: ContentfulStatusCode,
  body: Omit<ErrorBody, "requestId">,
) {
  return c.json({ ...body, requestId: c.get("requestId") ?? null } satisfies ErrorBody, status);
}

/** The one place where errors become HTTP responses. */
export function handleError(error: Error, c: Context<HonoEnv>) {
  if (error instanceof CellError) {
    // A migration's freeze lasts seconds: tell clients (and the router) when to try again.
    if (error.code === "tenant_migrating")
      c.header("Retry-After", String(TENANT_MIGRATING_RETRY_AFTER_SECONDS));
    // A shared service restarting is back within seconds (its circuit breaker tries again after
    // 2 s); a busy compute pool drains within seconds too.
    if (RETRY_SOON.has(error.code)) c.header("Retry-After", String(DEPENDENCY_RETRY_AFTER_SECONDS));
    if (error.retryAfterSeconds !== undefined) c.header("Retry-After", String(error.retryAfterSeconds));
    return errorResponse(c, error.status, {
      code: error.code,
      message: error.message,
      details: error.details,
    });
  }
  if (error instanceof IdentityError) {
    return errorResponse(c, httpStatusOf(error.code), { code: error.code, message: error.message });
  }
  if (error instanceof HTTPException) {
    if (error.status === 413) {
      return errorResponse(c, 413, { code: "payload_too_large", message: "the request body is too large" });
    }
    if (error.status === 415) {
      return errorResponse(c, 415, {
        code: "unsupported_media_type",
        message: `content type ${c.req.header("content-type") ?? "(none)"} is not accepted here`,
      });
    }
    // The routes' JSON validator, given a JSON request without a body (safe-text.ts parsed the rest).
    if (error.status === 400 && isJsonMediaType(mediaTypeOf(c.req.header("content-type")))) {
      return errorResponse(c, 400, { code: "invalid_json", message: "this operation needs a JSON body" });
    }
    return errorResponse(c, error.status as ContentfulStatusCode, {
      code: error.status === 400 ? "invalid_request" : "http_error",
      message: error.message || "request refused",
    });
  }
  if (isDatabaseUnavailable(error)) {
    c.get("logger")?.warn({ err: error }, "the cell's database is unavailable");
    c.header("Retry-After", String(DEPENDENCY_RETRY_AFTER_SECONDS));
    return errorResponse(c, 503, {
      code: "database_unavailable",
      message: "this cell's database is unavailable; retry shortly",
    });
  }
  c.get("logger")?.error({ err: error }, "unhandled error");
  return errorResponse(c, 500, { code: "internal_error", message: "something went wrong on our side" });
}

/** Turns zod validation failures into 400 validation_failed, listing each problem. */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError },
  c: Context<HonoEnv>,
) {
  if (result.success) return;
  const details = result.error.issues.map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
  return errorResponse(c, 400, {
    code: "validation_failed",
    message: details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; "),
    details,
  });
}
