import type { Logger } from "@hireloop/observability";
import type { Redis } from "ioredis";
import type { Sql } from "postgres";
import type { ComputePool } from "../compute/pool.ts";
import type { CellConfig } from "../config.ts";
import type { Database } from "../db/client.ts";
import type { MatchInputsReader } from "../db/match-inputs.ts";
import type { EventRecorder } from "../events/outbox.ts";
import type { CellMetrics } from "../metrics.ts";
import type { Channels } from "../shared-services/channels.ts";
import type { BoardCatalog } from "../shared-services/scraper.ts";
import type { LoneEventWriter } from "../tenancy/lone-events.ts";
import type { Tiered } from "../vocabulary.ts";
import type { Admission } from "../workflows/admission.ts";
import type { EventStreams } from "../workflows/event-streams.ts";
import type { StepQueue } from "../workflows/queue.ts";

/** Everything a cell process needs, built once by build.ts and injected (never module globals). */
export interface CellDeps {
  config: CellConfig;
  db: Database;
  sql: Sql;
  redis: Redis;
  queue: StepQueue;
  events: EventRecorder;
  /** Events that are a request's only write, committed together under load (group commit). */
  loneEvents: LoneEventWriter;
  /** What scoring a match reads, concurrent matches' in one statement. */
  matchInputs: MatchInputsReader;
  logger: Logger;
  metrics: CellMetrics;
  /** The region's shared services (pdf, ai-optimizer, scraper) over gRPC. */
  channels: Channels;
  /** The job boards the region's scraper searches. */
  boards: BoardCatalog;
  /** Worker threads for the CPU-bound part of a request, off the event loop. */
  compute: ComputePool;
  /** Workflow event streams' limits and their shared Redis subscriber. */
  streams: EventStreams;
  /** Whether a new workflow may start now, from the step queue's depth (backpressure). */
  admission: Admission;
}

/** One tenant's view of the cell: whatever runs with it sees only that tenant's rows. */
export interface TenantScope {
  deps: CellDeps;
  tenantId: string;
}

/** Who is asking: every use case runs for one tenant, with the caller's plan. */
export interface TenantContext extends TenantScope {
  tier: Tiered;
}
