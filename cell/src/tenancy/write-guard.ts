import type { EventData, EventType } from "@hireloop/events";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../db/client.ts";
import { outbox } from "../db/schema/index.ts";
import { CellError } from "../errors.ts";
import type { EventRecorder } from "../events/outbox.ts";

/**
 * The advisory-lock name of a tenant; Postgres hashes it to the 64-bit lock key with
 * `hashtextextended(name, 0)`, in the writers' shared lock and the migrator's exclusive one alike.
 */
export function tenantLockName(tenantId: string): string {
  return `hireloop-tenant:${tenantId}`;
}

/** Records an event of the transaction's tenant into the outbox, committed with its writes. */
export type RecordEvent = <T extends EventType>(type: T, data: EventData<T>) => Promise<string>;

/**
 * A transaction that writes one tenant's rows, guarded (see guardTenantWrite) before `work` runs,
 * with `record` for the events it commits with them: the way every use case and workflow step
 * that knows its tenant writes.
 */
export function withTenantTransaction<T>(
  { deps, tenantId }: { deps: { db: Database; events: EventRecorder }; tenantId: string },
  work: (tx: Transaction, record: RecordEvent) => Promise<T>,
): Promise<T> {
  return deps.db.transaction(async (tx) => {
    await guardTenantWrite(tx, tenantId, deps.events);
    return work(tx, (type, data) => deps.events.record(tx, tenantId, type, data));
  });
}

/**
 * Call inside every transaction that writes a tenant's rows, before it commits (withTenantTransaction
 * does, for a transaction that knows its tenant before it starts). It also registers
 * the tenant on this cell (its first write makes it one of the cell's tenants, counted against the
 * cell's capacity) and announces it with `tenant.registered`, which MirrorMaker 2 carries to the
 * other regions' user directories. The shared lock
 * is held until commit, so the migrator's exclusive lock (taken while it inserts the freeze) waits
 * for writes in flight, and no write of the tenant commits after the freeze. Lock, freeze check and
 * registration are one call of `hireloop_guard_tenant` (migration 0007), whose freeze check is a
 * query of its own after the lock: in READ COMMITTED it sees a freeze committed while this
 * transaction waited for the lock. A frozen tenant is refused with 503 `tenant_migrating`.
 */
export async function guardTenantWrite(
  tx: Transaction,
  tenantId: string,
  events: EventRecorder,
): Promise<void> {
  const [guard] = await tx.execute<{ migration_id: string | null; registered: boolean }>(
    sql`select * from hireloop_guard_tenant(${tenantId}, ${tenantLockName(tenantId)})`,
  );
  refuseFrozen(guard?.migration_id ?? null);
  if (guard?.registered) await events.record(tx, tenantId, "tenant.registered", {});
}

/**
 * Records one event of a tenant that writes nothing else (a match scored), guarded as every write
 * is, in one statement and one round trip: no transaction to open and commit. The statement is
 * its own transaction, so the shared lock is held until the event is in the outbox.
 */
export async function recordTenantEvent<T extends EventType>(
  { deps, tenantId }: { deps: { db: Database; events: EventRecorder }; tenantId: string },
  type: T,
  data: EventData<T>,
): Promise<void> {
  const rows = [
    { ...deps.events.row(tenantId, type, data), onRegistration: false },
    { ...deps.events.row(tenantId, "tenant.registered", {}), onRegistration: true },
  ];
  const [guard] = await deps.db.execute<{ migration_id: string | null }>(sql`
    with guard as (select * from hireloop_guard_tenant(${tenantId}, ${tenantLockName(tenantId)})),
    recorded as (
      -- Runs once whether or not anything reads it; after the guard, whose result it reads.
      insert into ${outbox} (${sql.identifier(outbox.eventId.name)}, ${sql.identifier(outbox.topic.name)},
        ${sql.identifier(outbox.key.name)}, ${sql.identifier(outbox.envelope.name)})
      select row."eventId", row.topic, row.key, row.envelope
      from guard, jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as row("eventId" uuid, topic text, key text, envelope jsonb, "onRegistration" boolean)
      where guard.migration_id is null and (guard.registered or not row."onRegistration")
    )
    select guard.migration_id from guard`);
  refuseFrozen(guard?.migration_id ?? null);
}

function refuseFrozen(migrationId: string | null): void {
  if (migrationId) {
    throw new CellError("tenant_migrating", "this account is moving to another cell; retry in a moment", {
      migrationId,
    });
  }
}

export function isTenantMigrating(error: unknown): boolean {
  return error instanceof CellError && error.code === "tenant_migrating";
}
