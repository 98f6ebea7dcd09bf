import {
  cellFor,
  createPlacementStore,
  type PlacementStore,
  type WaitForRoutersOptions,
  waitForRouters,
} from "@hireloop/placement";
import PgBoss from "pg-boss";
import type { Sql } from "postgres";
import { connectDatabase, type DatabaseHandle } from "../db/client.ts";
import type { StepQueue } from "../workflows/queue.ts";
import { abortMigration } from "./abort.ts";
import { MigrationError } from "./errors.ts";
import { withTenantMigrationLock } from "./lock.ts";
import { createMigrationLog, MIGRATION_PHASES, type MigrationPhase, migrateMigrationLog } from "./log.ts";
import {
  deleteTenantFromSource,
  finalUsageCounters,
  freezeTenant,
  readTenantSnapshot,
  unpublishedEvents,
} from "./source.ts";
import { addUsageCounters, resumeTenantOnTarget, writeTenantSnapshot } from "./target.ts";
import { checksumMismatches, type TableChecksum, tenantChecksums } from "./verify.ts";

export { MigrationError, type MigrationErrorCode } from "./errors.ts";
export { MIGRATION_PHASES, type MigrationPhase, type MigrationRecord, migrateMigrationLog } from "./log.ts";
export { type TableChecksum, tenantChecksums } from "./verify.ts";
export { abortMigration };

export interface CellEndpoint {
  cellId: string;
  databaseUrl: string;
}

export interface MigrationProgress {
  migrationId: string;
  phase: MigrationPhase;
  percent: number;
  message: string;
}

export interface MigrateTenantInput {
  tenantKey: string;
  region: string;
  source: CellEndpoint;
  target: CellEndpoint;
  /** The region's control-plane database (placement and the migration log). */
  controlSql: Sql;
  report?: (progress: MigrationProgress) => void;
  /** How long to wait for every live router to serve the flipped placement before the source is emptied. */
  routerWait?: WaitForRoutersOptions;
  /** How long cleanup waits for the relay to publish the tenant's last events. */
  drainTimeoutMs?: number;
  /** Stop after this phase (a later call continues): for a staged cut-over, and for crash tests. */
  stopAfter?: MigrationPhase;
}

export interface MigrationResult {
  migrationId: string;
  phase: MigrationPhase;
  /** Per-table counts and checksums, when this call ran the verification. */
  checksums: TableChecksum[] | null;
  /** Unfinished workflows re-queued on the target, when this call ran the flip. */
  resumedWorkflows: number | null;
}

const PERCENT: Record<MigrationPhase, number> = {
  started: 0,
  frozen: 10,
  copied: 50,
  verified: 70,
  flipped: 85,
  cleaned: 100,
};

/**
 * Moves one tenant between two cells of a region while it keeps working: freeze its writes on the
 * source, copy its rows in one snapshot, verify counts and checksums, flip placement, resume its
 * unfinished workflows on the target, and empty the source. Every phase is idempotent and recorded
 * in the control plane, so calling this again after a crash continues where the crash left off.
 */
export async function migrateTenant(input: MigrateTenantInput): Promise<MigrationResult> {
  await migrateMigrationLog(input.controlSql);
  return withTenantMigrationLock(input.controlSql, input.region, input.tenantKey, () => runMigration(input));
}

async function runMigration(input: MigrateTenantInput): Promise<MigrationResult> {
  const { tenantKey, region, controlSql } = input;
  const log = createMigrationLog(controlSql);
  const placement = createPlacementStore(controlSql);
  let record = await log.unfinished(region, tenantKey);
  if (record && (record.sourceCell !== input.source.cellId || record.targetCell !== input.target.cellId)) {
    throw new MigrationError(
      "migration_conflict",
      `migration ${record.id} of ${tenantKey} (${record.sourceCell} → ${record.targetCell}) is unfinished; finish it first`,
    );
  }
  if (!record) {
    await checkPlacement(placement, input);
    record = await log.start({
      region,
      tenantKey,
      sourceCell: input.source.cellId,
      targetCell: input.target.cellId,
    });
  }
  const migrationId = record.id;
  const report = (phase: MigrationPhase, message: string) =>
    input.report?.({ migrationId, phase, percent: PERCENT[phase], message });

  const source = connectDatabase(input.source.databaseUrl, { max: 2, applicationName: "hireloop-migrator" });
  const target = connectDatabase(input.target.databaseUrl, { max: 2, applicationName: "hireloop-migrator" });
  const result: MigrationResult = {
    migrationId,
    phase: record.phase,
    checksums: null,
    resumedWorkflows: null,
  };
  try {
    const phases: Record<Exclude<MigrationPhase, "started">, () => Promise<string>> = {
      frozen: async () => {
        await freezeTenant(source.sql, tenantKey, migrationId);
        return `writes of ${tenantKey} are frozen on ${input.source.cellId}`;
      },
      copied: async () => {
        const snapshot = await readTenantSnapshot(source.sql, tenantKey);
        await writeTenantSnapshot(target.sql, snapshot);
        const rows = snapshot.reduce((sum, table) => sum + table.rows, 0);
        return `copied ${rows} rows in ${snapshot.length} tables to ${input.target.cellId}`;
      },
      verified: async () => {
        const [onSource, onTarget] = await Promise.all([
          tenantChecksums(source.sql, tenantKey),
          tenantChecksums(target.sql, tenantKey),
        ]);
        const mismatches = checksumMismatches(onSource, onTarget);
        if (mismatches.length > 0) {
          throw new MigrationError(
            "verification_failed",
            `source and target differ in ${mismatches.map((m) => m.table).join(", ")}; placement was not changed`,
            mismatches,
          );
        }
        result.checksums = onSource;
        return `row counts and checksums match in ${onSource.length} tables`;
      },
      flipped: async () => {
        result.resumedWorkflows = await withQueue(input.target.databaseUrl, (queue) =>
          resumeTenantOnTarget(target.db, queue, tenantKey, migrationId),
        );
        await placement.setOverride({ region, tenantKey, cellId: input.target.cellId, reason: "migrated" });
        const { routers } = await waitForRouters(placement, region, input.routerWait);
        return `placement sends ${tenantKey} to ${input.target.cellId} (${routers} live routers serve it)`;
      },
      cleaned: async () => {
        await waitForOutbox(source, tenantKey, input.drainTimeoutMs ?? 60_000);
        const counters = await finalUsageCounters(source.sql, tenantKey);
        await addUsageCounters(target.db, tenantKey, migrationId, counters);
        await deleteTenantFromSource(source.sql, tenantKey);
        return `${input.source.cellId} holds nothing of ${tenantKey}`;
      },
    };
    for (const phase of MIGRATION_PHASES.slice(MIGRATION_PHASES.indexOf(record.phase) + 1)) {
      if (phase === "started") continue;
      let message: string;
      try {
        message = await phases[phase]();
      } catch (error) {
        await log.fail(migrationId, error instanceof Error ? error.message : String(error));
        throw error;
      }
      await log.advance(migrationId, phase);
      result.phase = phase;
      report(phase, message);
      if (phase === input.stopAfter) break;
    }
    return result;
  } finally {
    await Promise.all([source.close(), target.close()]);
  }
}

async function checkPlacement(placement: PlacementStore, input: MigrateTenantInput): Promise<void> {
  const { region, tenantKey, source, target } = input;
  if (source.cellId === target.cellId) {
    throw new MigrationError("invalid_target", `${tenantKey} is already on ${target.cellId}`);
  }
  const [table, cells] = await Promise.all([placement.currentTable(region), placement.listCells(region)]);
  const current = table ? cellFor(table, tenantKey) : null;
  if (current !== source.cellId) {
    throw new MigrationError(
      "wrong_source",
      `${tenantKey} is placed on ${current ?? "no cell"}, not ${source.cellId}`,
    );
  }
  if (!cells.some((cell) => cell.id === target.cellId && cell.state === "active")) {
    throw new MigrationError("invalid_target", `${target.cellId} is not an active cell of ${region}`);
  }
}

/** Cleanup deletes the tenant's outbox rows, so the relay must have sent them to Kafka first. */
async function waitForOutbox(source: DatabaseHandle, tenantKey: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const unpublished = await unpublishedEvents(source.sql, tenantKey);
    if (unpublished === 0) return;
    if (Date.now() > deadline) {
      throw new MigrationError(
        "outbox_not_drained",
        `after ${timeoutMs} ms the source still has ${unpublished} unpublished events of ${tenantKey}`,
        { unpublished },
      );
    }
    await sleep(200);
  }
}

/** A pg-boss client for the target's existing queue: it only enqueues, inside our transactions. */
async function withQueue<T>(databaseUrl: string, work: (queue: StepQueue) => Promise<T>): Promise<T> {
  const queue = new PgBoss({
    connectionString: databaseUrl,
    application_name: "hireloop-migrator-queue",
    max: 1,
    migrate: false,
    supervise: false,
    schedule: false,
  });
  // Its own calls reject on failure; without a listener a background pool error would crash the CLI.
  queue.on("error", () => {});
  await queue.start();
  try {
    return await work(queue);
  } finally {
    await queue.stop({ graceful: false, wait: true });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
