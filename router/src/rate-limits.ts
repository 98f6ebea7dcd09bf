import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RateLimitRule } from "./config.ts";

export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

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
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
        return { allowed: true };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
      }
    },
  };
}
