import type { Services } from "./services/index.ts";

export interface DependencyCheck {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

const CHECK_TIMEOUT_MS = 2_000;

/** Checks each dependency with its own time limit, in parallel. */
export async function checkDependencies(
  services: Pick<Services, "sql" | "redis">,
  kafkaReady: () => Promise<void>,
): Promise<Record<"postgres" | "redis" | "kafka", DependencyCheck>> {
  const [postgres, redis, kafka] = await Promise.all([
    timed(async () => {
      await services.sql`select 1`;
    }),
    timed(async () => {
      await services.redis.ping();
    }),
    timed(kafkaReady),
  ]);
  return { postgres, redis, kafka };
}

async function timed(check: () => Promise<unknown>): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
