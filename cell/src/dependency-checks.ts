import { checkWithin, type DependencyCheck } from "@hireloop/observability";
import type { CellDeps } from "./wiring/deps.ts";

const CHECK_TIMEOUT_MS = 2_000;

/** Checks each dependency with its own time limit, in parallel. */
export async function checkDependencies(
  deps: Pick<CellDeps, "sql" | "redis">,
  kafkaReady: () => Promise<void>,
): Promise<Record<"postgres" | "redis" | "kafka", DependencyCheck>> {
  const [postgres, redis, kafka] = await Promise.all([
    checkWithin(async () => {
      await deps.sql`select 1`;
    }, CHECK_TIMEOUT_MS),
    checkWithin(async () => {
      await deps.redis.ping();
    }, CHECK_TIMEOUT_MS),
    checkWithin(kafkaReady, CHECK_TIMEOUT_MS),
  ]);
  return { postgres, redis, kafka };
}
