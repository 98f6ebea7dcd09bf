import type { Context, MiddlewareHandler } from "hono";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import type { RateLimiter } from "../rate-limits.ts";

export type RateLimitScope = "address" | "user";

/** Answers 429 `rate_limited` with Retry-After once the key has used its window. */
export function rateLimit(
  scope: RateLimitScope,
  limiter: RateLimiter,
  keyOf: (c: Context<RouterEnv>) => string,
): MiddlewareHandler<RouterEnv> {
  return async (c, next) => {
    const decision = await limiter.consume(keyOf(c));
    if (!decision.allowed) return refuseRateLimited(c, scope, decision.retryAfterSeconds);
    await next();
  };
}

/** The 429 for a key over its limit, counted by scope. */
export function refuseRateLimited(c: Context<RouterEnv>, scope: RateLimitScope, retryAfterSeconds: number) {
  c.get("services").metrics.rateLimited.inc({ scope });
  return errorResponse(
    c,
    429,
    { code: "rate_limited", message: `too many requests for this ${scope}; retry later` },
    { "Retry-After": String(retryAfterSeconds) },
  );
}
