import type { ErrorBody as HttpErrorBody } from "@hireloop/http";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { RouterEnv } from "./env.ts";

/** Every error the router itself answers with; cells answer with their own codes in the same shape. */
export type RouterErrorCode =
  | "cell_unavailable"
  | "cell_timeout"
  | "placement_unavailable"
  | "no_capacity"
  | "region_unavailable"
  | "directory_unavailable"
  | "peer_refused"
  | "unknown_region"
  | "already_homed"
  | "payload_too_large"
  | "headers_too_large"
  | "request_timeout"
  | "method_not_allowed"
  | "rate_limited"
  | "not_found"
  | "forbidden_role"
  | "invalid_request"
  | "internal_error";

type ErrorBody = HttpErrorBody<RouterErrorCode>;

export function errorResponse(
  c: Context<RouterEnv>,
  status: ContentfulStatusCode,
  body: Omit<ErrorBody, "requestId">,
  headers: Record<string, string> = {},
) {
  return c.json({ ...body, requestId: c.get("requestId") ?? null } satisfies ErrorBody, status, headers);
}

/** The one place where thrown errors become HTTP responses. */
export function handleError(error: Error, c: Context<RouterEnv>) {
  if (error instanceof HTTPException && error.status < 500) {
    return errorResponse(c, error.status as ContentfulStatusCode, {
      code: "invalid_request",
      message: error.message || "request refused",
    });
  }
  c.get("logger")?.error({ err: error }, "unhandled error");
  return errorResponse(c, 500, { code: "internal_error", message: "something went wrong on our side" });
}
