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
  consume(key: string): Promise<RateLimitDecision>;
}

/**
 * A fixed-window limiter shared by every router replica through Redis. When Redis is not ready or a
 * command fails, the library's insurance limiter counts in this process's memory instead, so a Redis
 * outage loosens limits (each replica counts alone) rather than failing requests.
 */
export function createRateLimiter(redis: Redis, keyPrefix: string, rule: RateLimitRule): RateLimiter {
  const options = { keyPrefix, points: rule.points, duration: rule.windowSeconds };
  const limiter = new RateLimiterRedis({
    ...options,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
  const decision = (allowed: boolean, result: RateLimiterRes): RateLimitDecision => ({
    allowed,
    limit: rule.points,
    windowSeconds: rule.windowSeconds,
    remaining: Math.max(0, result.remainingPoints),
    resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
  });
  return {
    async consume(key) {
      try {
        return decision(true, await limiter.consume(key));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return decision(false, rejection);
      }
    },
  };
}
