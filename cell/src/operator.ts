import { loadConfig } from "./config.ts";
import { buildDeps } from "./wiring/build.ts";
import type { CellDeps } from "./wiring/deps.ts";

export { type DeadLetterView, listDeadLetters } from "./use-cases/dead-letters/list.ts";
export { replayDeadLetter } from "./use-cases/dead-letters/replay.ts";
export type { CellDeps };

/**
 * Operator access to one cell (for `npx hireloop dlq …`): the cell's own dependencies, built from the
 * same environment its processes run with, closed afterwards.
 */
export async function withCellDeps<T>(
  env: NodeJS.ProcessEnv,
  work: (deps: CellDeps) => Promise<T>,
): Promise<T> {
  const deps = await buildDeps(loadConfig({ ...env, HL_LOG_LEVEL: "warn" }), "api");
  try {
    return await work(deps);
  } finally {
    await deps.close();
  }
}
