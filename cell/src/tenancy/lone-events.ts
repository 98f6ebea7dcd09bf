import type { EventData, EventType } from "@hireloop/events";
import { sql } from "drizzle-orm";
import type { Database } from "../db/client.ts";
import { grouped } from "../db/grouped.ts";
import { outbox } from "../db/schema/index.ts";
import type { EventRecorder, OutboxRow } from "../events/outbox.ts";
import { frozenRefusal, tenantLockName } from "./write-guard.ts";

/** Lone events in one statement at most. */
const MAX_BATCH = 256;

export interface LoneEventWriter {
  /**
   * Records an event of a tenant that writes nothing else (a match scored), guarded as every
   * write is (write-guard.ts); resolves once it is committed to the outbox, and refuses a frozen
   * tenant with 503 `tenant_migrating`.
   */
  record<T extends EventType>(tenant: string, type: T, data: EventData<T>): Promise<void>;
}

interface LoneEvent {
  tenant: string;
  row: OutboxRow;
}

/**
 * Group commit for lone events (db/grouped.ts): under load many requests share a statement, and
 * alone a request waits for no one. Each statement is its own transaction: `hireloop_guard_tenant`
 * locks, checks and registers each of its tenants (migration 0007), then the events of the tenants
 * that are not frozen go into the outbox, with `tenant.registered` for a tenant this write
 * registered (ADR 0045).
 */
export function createLoneEventWriter(db: Database, events: EventRecorder): LoneEventWriter {
  const writeGrouped = grouped<LoneEvent, undefined>(async (batch) => {
    const guarded = await write(batch);
    return batch.map(({ tenant }) => {
      const migrationId = guarded.get(tenant);
      if (migrationId === undefined) return new Error(`the guard answered nothing for tenant ${tenant}`);
      return frozenRefusal(migrationId);
    });
  }, MAX_BATCH);

  /** Each tenant of the batch with its migration id if it is frozen, null if not. */
  async function write(batch: LoneEvent[]): Promise<Map<string, string | null>> {
    const tenants = [...new Set(batch.map((entry) => entry.tenant))].sort();
    const guards = await db.execute<{ tenant: string; migration_id: string | null }>(sql`
      with guard as (
        select tenant.name as tenant, checked.migration_id, checked.registered
        from unnest(${sql.param(tenants)}::text[], ${sql.param(tenants.map(tenantLockName))}::text[])
          as tenant(name, lock_name)
        cross join lateral hireloop_guard_tenant(tenant.name, tenant.lock_name) as checked
      ),
      recorded as (
        -- Runs once whether or not anything reads it; after the guard, whose result it reads.
        insert into ${outbox} (${sql.identifier(outbox.eventId.name)}, ${sql.identifier(outbox.topic.name)},
          ${sql.identifier(outbox.key.name)}, ${sql.identifier(outbox.envelope.name)})
        select event."eventId", event.topic, event.key, event.envelope
        from rows from (
          jsonb_to_recordset(${JSON.stringify(rowsOf(batch, tenants))}::jsonb)
            as ("eventId" uuid, topic text, key text, envelope jsonb, "onRegistration" boolean)
        ) with ordinality as event("eventId", topic, key, envelope, "onRegistration", n)
        join guard on guard.tenant = event.key
        where guard.migration_id is null and (guard.registered or not event."onRegistration")
        order by event.n
      )
      select guard.tenant, guard.migration_id from guard`);
    return new Map(guards.map((guard) => [guard.tenant, guard.migration_id]));
  }

  /**
   * The statement's rows in order: a `tenant.registered` for each tenant first (written only for a
   * tenant this statement registers, which is rare: a tenant's first write is seldom a lone event),
   * then the events as they arrived.
   */
  function rowsOf(batch: LoneEvent[], tenants: string[]): (OutboxRow & { onRegistration: boolean })[] {
    return [
      ...tenants.map((tenant) => ({ ...events.row(tenant, "tenant.registered", {}), onRegistration: true })),
      ...batch.map(({ row }) => ({ ...row, onRegistration: false })),
    ];
  }

  return {
    // The row is built here, in the request's trace context.
    record: (tenant, type, data) => writeGrouped({ tenant, row: events.row(tenant, type, data) }),
  };
}
