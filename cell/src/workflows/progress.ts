import type { Services } from "../services/index.ts";

export const progressChannel = (workflowId: string) => `hl:workflow:${workflowId}`;

/**
 * Tells live listeners (server-sent event streams, possibly in another process) that a run
 * changed. Best effort: the database is the truth and listeners also poll it, so a Redis outage
 * only slows updates down.
 */
export async function publishProgress(services: Services, workflowId: string): Promise<void> {
  try {
    await services.redis.publish(progressChannel(workflowId), "changed");
  } catch (error) {
    services.logger.debug({ err: error, workflowId }, "progress notification skipped");
  }
}
