import type { EventData, EventType } from "@hireloop/events";
import { sql } from "drizzle-orm";
import type { Database, Transaction } from "../db/client.ts";
import { tenantFreezes, tenants } from "../db/schema/index.ts";
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
 * for writes in flight, and no write of the tenant commits after the freeze. The freeze check is a
 * separate statement from the lock on purpose: in READ COMMITTED it then sees a freeze committed
 * while this transaction waited for the lock. Checking and registering share one statement (one
 * round trip); a frozen tenant's registration is rolled back with the refusal.
 */
export async function guardTenantWrite(
  tx: Transaction,
  tenantId: string,
  events: EventRecorder,
): Promise<void> {
  await tx.execute(
    sql`select pg_advisory_xact_lock_shared(hashtextextended(${tenantLockName(tenantId)}, 0))`,
  );
  const [guard] = await tx.execute<{ migration_id: string | null; registered: boolean }>(sql`
    with registered as (
      insert into ${tenants} (${sql.identifier(tenants.tenantId.name)}, ${sql.identifier(tenants.announcedAt.name)})
      values (${tenantId}, now())
      on conflict do nothing
      returning 1
    )
    select
      (select ${tenantFreezes.migrationId} from ${tenantFreezes}
        where ${tenantFreezes.tenantId} = ${tenantId}) as migration_id,
      exists (select 1 from registered) as registered`);
  if (guard?.migration_id) {
    throw new CellError("tenant_migrating", "this account is moving to another cell; retry in a moment", {
      migrationId: guard.migration_id,
    });
  }
  if (guard?.registered) await events.record(tx, tenantId, "tenant.registered", {});
}

export function isTenantMigrating(error: unknown): boolean {
  return error instanceof CellError && error.code === "tenant_migrating";
}
