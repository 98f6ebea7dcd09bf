import { loadConfig } from "./config.ts";
import { buildServices } from "./services/build.ts";
import type { Services } from "./services/index.ts";

export { type DeadLetterView, listDeadLetters, replayDeadLetter } from "./workflows/operations.ts";
export type { Services };

/**
 * Operator access to one cell (for `npx hireloop dlq …`): the cell's own services, built from the
 * same environment its processes run with, closed afterwards.
 */
export async function withCellServices<T>(
  env: NodeJS.ProcessEnv,
  work: (services: Services) => Promise<T>,
): Promise<T> {
  const services = await buildServices(loadConfig({ ...env, HL_LOG_LEVEL: "warn" }), "api");
  try {
    return await work(services);
  } finally {
    await services.close();
  }
}
