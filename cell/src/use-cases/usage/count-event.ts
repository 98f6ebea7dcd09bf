import type { Envelope } from "@hireloop/events";
import { sql } from "drizzle-orm";
import { processedEvents, usageCounters } from "../../db/schema/index.ts";
import type { CellDeps } from "../../wiring/deps.ts";

/**
 * Counts one of the cell's events for its tenant and type, once: the event id is recorded by
 * `consumer` in the same transaction as the counter, so a redelivered event changes nothing.
 * Returns whether it counted.
 */
export async function countEvent(
  deps: Pick<CellDeps, "db">,
  consumer: string,
  envelope: Envelope,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(processedEvents)
      .values({ consumer, eventId: envelope.id })
      .onConflictDoNothing()
      .returning({ eventId: processedEvents.eventId });
    if (inserted.length === 0) return false;
    await tx
      .insert(usageCounters)
      .values({ tenantId: envelope.tenant, eventType: envelope.type, count: 1 })
      .onConflictDoUpdate({
        target: [usageCounters.tenantId, usageCounters.eventType],
        set: { count: sql`${usageCounters.count} + 1`, updatedAt: new Date() },
      });
    return true;
  });
}
