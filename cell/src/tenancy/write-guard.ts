import type { EventData, EventType } from "@hireloop/events";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../db/client.ts";
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
  const refusal = frozenRefusal(guard?.migration_id ?? null);
  if (refusal) throw refusal;
  if (guard?.registered) await events.record(tx, tenantId, "tenant.registered", {});
}

/** The refusal of a write of a frozen tenant (one whose migration id is given), or none. */
export function frozenRefusal(migrationId: string | null): CellError | undefined {
  if (!migrationId) return undefined;
  return new CellError("tenant_migrating", "this account is moving to another cell; retry in a moment", {
    migrationId,
  });
}

export function isTenantMigrating(error: unknown): boolean {
  return error instanceof CellError && error.code === "tenant_migrating";
}
