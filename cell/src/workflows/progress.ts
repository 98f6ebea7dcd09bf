import type { Logger } from "@hireloop/observability";
import type { Redis } from "ioredis";

export const progressChannel = (workflowId: string) => `hl:workflow:${workflowId}`;

/**
 * Tells live listeners (server-sent event streams, possibly in another process) that a run
 * changed. Best effort: the database is the truth and listeners also poll it, so a Redis outage
 * only slows updates down.
 */
export async function publishProgress(
  { redis, logger }: { redis: Redis; logger: Logger },
  workflowId: string,
): Promise<void> {
  try {
    await redis.publish(progressChannel(workflowId), "changed");
  } catch (error) {
    logger.debug({ err: error, workflowId }, "progress notification skipped");
  }
}
