import type { Sql } from "postgres";
import { tenantLockName } from "../tenancy/write-guard.ts";
import { DEAD_STEP_QUEUE, STEP_QUEUE } from "../workflows/queue.ts";
import { MigrationError } from "./errors.ts";
import { selectRowsAsJson, TENANT_TABLES, type TenantTable } from "./tables.ts";

/** How long the freeze waits for the tenant's writes in flight before giving up (and retrying later). */
const FREEZE_LOCK_TIMEOUT = "10s";

/**
 * Refuses the tenant's writes on the source from now on. The exclusive advisory lock waits for
 * every write transaction that holds the shared lock, so none commits after this returns.
 * Idempotent for the same migration.
 */
export async function freezeTenant(source: Sql, tenantId: string, migrationId: string): Promise<void> {
  await source.begin(async (tx) => {
    await tx.unsafe(`set local lock_timeout = '${FREEZE_LOCK_TIMEOUT}'`);
    await tx`select pg_advisory_xact_lock(hashtextextended(${tenantLockName(tenantId)}, 0))`;
    await tx`insert into tenant_freezes (tenant_id, migration_id) values (${tenantId}, ${migrationId})
             on conflict (tenant_id) do nothing`;
    const [freeze] = await tx<{ migration_id: string }[]>`
      select migration_id from tenant_freezes where tenant_id = ${tenantId}`;
    if (freeze?.migration_id !== migrationId) {
      throw new MigrationError(
        "frozen_by_other_migration",
        `tenant ${tenantId} is frozen by migration ${freeze?.migration_id}`,
      );
    }
  });
}

export interface TableSnapshot {
  table: TenantTable;
  rows: number;
  json: string;
}

/** Every row of the tenant, all tables read in one REPEATABLE READ snapshot. */
export async function readTenantSnapshot(source: Sql, tenantId: string): Promise<TableSnapshot[]> {
  return source.begin("isolation level repeatable read read only", async (tx) => {
    const snapshot: TableSnapshot[] = [];
    for (const table of TENANT_TABLES) {
      const [result] = await tx.unsafe<{ rows: number; json: string }[]>(selectRowsAsJson(table), [tenantId]);
      snapshot.push({ table, rows: result?.rows ?? 0, json: result?.json ?? "[]" });
    }
    return snapshot;
  });
}

/** The tenant's events the relay has not sent to Kafka yet. */
export async function unpublishedEvents(source: Sql, tenantId: string): Promise<number> {
  const [row] = await source<{ unpublished: number }[]>`
    select count(*)::int as unpublished from outbox where key = ${tenantId} and published_at is null`;
  return row?.unpublished ?? 0;
}

/**
 * The tenant's final usage counters. Read once the tenant's outbox is drained: the relay counts
 * each event in the transaction that marks it published (ADR 0047), and the freeze means no new
 * events, so nothing is left to count after this.
 */
export async function finalUsageCounters(
  source: Sql,
  tenantId: string,
): Promise<{ event_type: string; count: number }[]> {
  return source<{ event_type: string; count: number }[]>`
    select event_type, count from usage_counters where tenant_id = ${tenantId} order by event_type`;
}

/**
 * Deletes the tenant's rows, events and queued step jobs from the source in one transaction. The
 * freeze row stays as a tombstone: a write that a not-yet-converged router still sends here is
 * refused (503, retried through the new placement) instead of creating rows nobody will read.
 */
export async function deleteTenantFromSource(source: Sql, tenantId: string): Promise<void> {
  await source.begin(async (tx) => {
    const workflowIds = (
      await tx<{ id: string }[]>`select id from workflows where tenant_id = ${tenantId}`
    ).map((row) => row.id);
    if (workflowIds.length > 0) {
      for (const jobTable of ["job", "archive"]) {
        await tx.unsafe(
          `delete from pgboss.${jobTable} where name = any($1::text[]) and data->>'workflowId' = any($2::text[])`,
          [[STEP_QUEUE, DEAD_STEP_QUEUE], workflowIds],
        );
      }
    }
    for (const table of [...TENANT_TABLES].reverse()) {
      await tx.unsafe(`delete from ${table.name} where ${table.where}`, [tenantId]);
    }
    await tx`delete from usage_counters where tenant_id = ${tenantId}`;
    await tx`delete from outbox where key = ${tenantId}`;
  });
}
