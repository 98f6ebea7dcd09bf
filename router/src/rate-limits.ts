import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimitRule } from "./config.ts";

/** A limiter's answer, with what the caller has left of the window (for the RateLimit-* headers). */
export interface RateLimitDecision {
  allowed: boolean;
  /** Requests allowed per window. */
  limit: number;
  windowSeconds: number;
  remaining: number;
  /** Seconds until the window resets (and, when refused, until a retry can succeed). */
  resetSeconds: number;
}

export interface RateLimiter {
  /** Counts `points` (1 by default) against the key's window. */
  consume(key: string, points?: number): Promise<RateLimitDecision>;
}

/**
 * A fixed-window limiter shared by every router replica through Redis. When Redis is not ready or a
 * command fails, the library's insurance limiter counts in this process's memory instead, so a Redis
 * outage loosens limits (each replica counts alone) rather than failing requests.
 *
 * A refused request's points count too (the library adds them before it compares), which suits a
 * count of requests. A budget of sizes sets `refundRefused`: a large body refused would otherwise
 * spend the budget that the smaller ones after it still fit in.
 */
export function createRateLimiter(
  redis: Redis,
  keyPrefix: string,
  rule: RateLimitRule,
  { refundRefused = false }: { refundRefused?: boolean } = {},
): RateLimiter {
  const options = { keyPrefix, points: rule.points, duration: rule.windowSeconds };
  const limiter = new RateLimiterRedis({
    ...options,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
  const decision = (allowed: boolean, result: RateLimiterRes, refunded = 0): RateLimitDecision => ({
    allowed,
    limit: rule.points,
    windowSeconds: rule.windowSeconds,
    remaining: Math.min(rule.points, Math.max(0, rule.points - result.consumedPoints + refunded)),
    resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
  });
  return {
    async consume(key, points = 1) {
      try {
        return decision(true, await limiter.consume(key, points));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        if (!refundRefused) return decision(false, rejection);
        await limiter.reward(key, points).catch(() => {});
        return decision(false, rejection, points);
      }
    },
  };
}
