import { declaresBody } from "@hireloop/http";
import type { Context, MiddlewareHandler } from "hono";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import type { RateLimitDecision, RateLimiter } from "../rate-limits.ts";

export type RateLimitScope = "address" | "user" | "user_uploads";

const REFUSALS: Record<RateLimitScope, string> = {
  address: "too many requests for this address; retry later",
  user: "too many requests for this user; retry later",
  user_uploads: "this user has sent too much data for now; retry later",
};

/** Answers 429 `rate_limited` with Retry-After once the key has used its window. */
export function rateLimit(
  scope: RateLimitScope,
  limiter: RateLimiter,
  keyOf: (c: Context<RouterEnv>) => string,
): MiddlewareHandler<RouterEnv> {
  return async (c, next) => {
    const decision = await limiter.consume(keyOf(c));
    if (!decision.allowed) return refuseRateLimited(c, scope, decision);
    announceLimit(c, decision);
    await next();
  };
}

/**
 * Counts a signed-in user's request bodies against their upload budget, in KiB: by Content-Length,
 * or as the largest allowed body when it is chunked. Requests without a body cost nothing (and ask
 * Redis nothing). What a body costs a cell grows with its size (reading, copying, parsing), so one
 * user sending large files back to back is slowed here, before any cell spends on them, while
 * their reads go on.
 */
export function budgetUploads(limiter: RateLimiter, maxBodyBytes: number): MiddlewareHandler<RouterEnv> {
  return async (c, next) => {
    const headers = c.env.incoming.headers;
    if (!declaresBody(headers)) return next();
    const bytes = headers["content-length"] === undefined ? maxBodyBytes : Number(headers["content-length"]);
    const decision = await limiter.consume(c.get("identity").uid, Math.max(1, Math.ceil(bytes / 1024)));
    if (!decision.allowed) return refuseRateLimited(c, "user_uploads", decision);
    await next();
  };
}

/**
 * The RateLimit-* headers (draft-ietf-httpapi-ratelimit-headers-07) of the limit closest to running
 * out: a request checked against both the address and the user limit reports the tighter one.
 */
export function announceLimit(c: Context<RouterEnv>, decision: RateLimitDecision) {
  const headers = c.get("answerHeaders");
  const shown = headers["ratelimit-remaining"];
  if (shown !== undefined && Number(shown) <= decision.remaining) return;
  headers["ratelimit-limit"] = String(decision.limit);
  headers["ratelimit-remaining"] = String(decision.remaining);
  headers["ratelimit-reset"] = String(decision.resetSeconds);
  headers["ratelimit-policy"] = `${decision.limit};w=${decision.windowSeconds}`;
}

/** The 429 for a key over its limit, counted by scope. */
export function refuseRateLimited(c: Context<RouterEnv>, scope: RateLimitScope, decision: RateLimitDecision) {
  c.get("deps").metrics.rateLimited.inc({ scope });
  announceLimit(c, decision);
  return errorResponse(
    c,
    429,
    { code: "rate_limited", message: REFUSALS[scope] },
    { "Retry-After": String(decision.resetSeconds) },
  );
}
