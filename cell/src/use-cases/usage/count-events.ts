import type { Envelope } from "@hireloop/events";
import { sql } from "drizzle-orm";
import { processedEvents, usageCounters } from "../../db/schema/index.ts";
import type { CellDeps } from "../../wiring/deps.ts";

/**
 * Counts a batch of the cell's events per tenant and type, each event once: `consumer` records the
 * event ids in the same transaction as the counters, so a redelivered event changes nothing. One
 * transaction of two statements whatever the batch's size (a Kafka fetch of one partition, at most
 * a few thousand events: well inside Postgres's 65,535 parameters). Returns how many counted.
 */
export async function countEvents(
  deps: Pick<CellDeps, "db">,
  consumer: string,
  envelopes: Envelope[],
): Promise<number> {
  const byId = new Map(envelopes.map((envelope) => [envelope.id, envelope]));
  if (byId.size === 0) return 0;
  return deps.db.transaction(async (tx) => {
    const fresh = await tx
      .insert(processedEvents)
      .values([...byId.keys()].map((eventId) => ({ consumer, eventId })))
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    const counts = new Map<string, { tenantId: string; eventType: string; count: number }>();
    for (const { eventId } of fresh) {
      const { tenant, type } = byId.get(eventId) as Envelope;
      const key = JSON.stringify([tenant, type]);
      const counter = counts.get(key) ?? { tenantId: tenant, eventType: type, count: 0 };
      counter.count++;
      counts.set(key, counter);
    }
    if (counts.size === 0) return 0;
    // In key order, so writers of overlapping batches take the counters' row locks in one order.
    const rows = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, counter]) => counter);
    await tx
      .insert(usageCounters)
      .values(rows)
      .onConflictDoUpdate({
        target: [usageCounters.tenantId, usageCounters.eventType],
        set: { count: sql`${usageCounters.count} + excluded.count`, updatedAt: new Date() },
      });
    return fresh.length;
  });
}
