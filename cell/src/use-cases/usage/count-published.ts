import { sql } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { outbox, usageCounters } from "../../db/schema/index.ts";

/**
 * Marks the relay's batch published and counts its events per tenant and type, in one statement
 * of the relay's transaction: an event is counted exactly when it is marked, so a batch sent again
 * after a crash between send and mark is counted once, with no ledger of counted event ids
 * (ADR 0047). Counters are written in key order, so relays of overlapping batches lock them in one
 * order.
 */
export async function markPublishedAndCount(tx: Transaction, seqs: readonly number[]): Promise<void> {
  const column = (name: string) => sql.identifier(name);
  // One statement text whatever the batch's size: it is prepared once per connection (ADR 0038).
  await tx.execute(sql`
    with published as (
      update ${outbox} set ${column(outbox.publishedAt.name)} = now()
      where ${outbox.seq} = any(${sql.param(seqs)}::bigint[])
      returning ${outbox.envelope}->>'tenant' as tenant_id, ${outbox.envelope}->>'type' as event_type
    )
    insert into ${usageCounters} (${column(usageCounters.tenantId.name)},
      ${column(usageCounters.eventType.name)}, ${column(usageCounters.count.name)})
    select tenant_id, event_type, count(*)::int from published
    group by tenant_id, event_type
    order by tenant_id, event_type
    on conflict (${column(usageCounters.tenantId.name)}, ${column(usageCounters.eventType.name)})
      do update set ${column(usageCounters.count.name)} = ${usageCounters.count} + excluded.count,
        ${column(usageCounters.updatedAt.name)} = now()`);
}
