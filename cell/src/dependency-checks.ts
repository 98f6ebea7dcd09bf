import { checkWithin, type DependencyCheck } from "@hireloop/observability";
import type { Services } from "./services/index.ts";

const CHECK_TIMEOUT_MS = 2_000;

/** Checks each dependency with its own time limit, in parallel. */
export async function checkDependencies(
  services: Pick<Services, "sql" | "redis">,
  kafkaReady: () => Promise<void>,
): Promise<Record<"postgres" | "redis" | "kafka", DependencyCheck>> {
  const [postgres, redis, kafka] = await Promise.all([
    checkWithin(async () => {
      await services.sql`select 1`;
    }, CHECK_TIMEOUT_MS),
    checkWithin(async () => {
      await services.redis.ping();
    }, CHECK_TIMEOUT_MS),
    checkWithin(kafkaReady, CHECK_TIMEOUT_MS),
  ]);
  return { postgres, redis, kafka };
}
