import type { Redis } from "ioredis";

export type Tier = "free" | "premium";

/** Keys outlive their day a little, so a late call near midnight still finds its counter. */
const DAY_KEY_TTL_SECONDS = 2 * 24 * 3600;

/**
 * Per-user daily model spend in Redis (UTC days). A user may start a model call while their spend
 * is below the day's budget; the call's real cost is added afterwards, so the last call of a day
 * can overshoot by at most one call (bounded by the operation's max output tokens).
 */
export function createBudgets(redis: Redis, keyPrefix: string, dailyMicroUsd: Record<Tier, number>) {
  const keyOf = (userId: string, now: Date) =>
    `${keyPrefix}:budget:${now.toISOString().slice(0, 10)}:${userId}`;
  return {
    limitOf: (tier: Tier) => dailyMicroUsd[tier],
    /** Micro-USD left today, or undefined when Redis cannot say (callers then keep to the rules). */
    async remaining(userId: string, tier: Tier, now = new Date()): Promise<number | undefined> {
      try {
        const spent = Number((await redis.get(keyOf(userId, now))) ?? 0);
        return dailyMicroUsd[tier] - spent;
      } catch {
        return undefined;
      }
    },
    async charge(userId: string, microUsd: number, now = new Date()): Promise<void> {
      if (microUsd <= 0) return;
      const key = keyOf(userId, now);
      await redis
        .multi()
        .incrby(key, microUsd)
        .expire(key, DAY_KEY_TTL_SECONDS)
        .exec()
        .catch(() => undefined);
    },
  };
}

export type Budgets = ReturnType<typeof createBudgets>;
