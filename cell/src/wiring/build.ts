import { createLogger } from "@hireloop/observability";
import { Redis } from "ioredis";
import { createComputePool } from "../compute/pool.ts";
import type { CellConfig } from "../config.ts";
import { connectDatabase } from "../db/client.ts";
import { createMatchInputsReader } from "../db/match-inputs.ts";
import { createEventRecorder } from "../events/outbox.ts";
import { createCellMetrics } from "../metrics.ts";
import { openChannels } from "../shared-services/channels.ts";
import { createBoardCatalog } from "../shared-services/scraper.ts";
import { createLoneEventWriter } from "../tenancy/lone-events.ts";
import { createAdmission } from "../workflows/admission.ts";
import { createEventStreams } from "../workflows/event-streams.ts";
import { openStepQueue } from "../workflows/queue.ts";
import type { CellDeps } from "./deps.ts";

export type CellRole = "api" | "worker";

/** Connects everything a cell process needs. Redis holds caches and pub/sub only, never state. */
export async function buildDeps(
  config: CellConfig,
  role: CellRole,
): Promise<CellDeps & { close(): Promise<void> }> {
  const logger = createLogger({
    service: `cell-${role}`,
    region: config.region,
    cell: config.cellId,
    level: config.logLevel,
  });
  const database = connectDatabase(config.databaseUrl, {
    applicationName: `hireloop-${config.cellId}-${role}`,
  });
  const redis = new Redis(config.redisUrl, {
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    lazyConnect: false,
  });
  redis.on("error", (error) => logger.debug({ err: error }, "redis error"));
  const queue = await openStepQueue(config, { supervise: role === "worker" });
  queue.on("error", (error) => logger.warn({ err: error }, "job queue error"));
  const channels = openChannels(config);
  const compute = createComputePool({ ...config.compute, settings: { services: config.services } });
  const streams = createEventStreams(redis, config.streams, logger);
  const metrics = createCellMetrics({ region: config.region, cell: config.cellId, process: role });
  const admission = createAdmission(queue, config.admission, { metrics, logger });
  const events = createEventRecorder({
    topic: config.kafkaTopic,
    cell: config.cellId,
    region: config.region,
  });
  return {
    config,
    db: database.db,
    sql: database.sql,
    redis,
    queue,
    events,
    loneEvents: createLoneEventWriter(database.db, events),
    matchInputs: createMatchInputsReader(database.db),
    logger,
    metrics,
    channels,
    boards: createBoardCatalog(channels),
    compute,
    streams,
    admission,
    async close() {
      admission.close();
      channels.close();
      streams.close();
      await compute.close();
      await queue.stop({ graceful: true, timeout: 10_000, wait: true });
      redis.disconnect();
      await database.close();
    },
  };
}
