import { type Envelope, parseEnvelope } from "@hireloop/events";
import { type EventConsumer, runEventConsumer } from "@hireloop/events/consumer";
import { sql } from "drizzle-orm";
import type { Kafka } from "kafkajs";
import { processedEvents, usageCounters } from "../db/schema/index.ts";
import type { CellDeps } from "../wiring/deps.ts";

export const USAGE_CONSUMER = "usage-counters";

/**
 * Counts this cell's events per tenant and type. Idempotent by event id: the id is recorded in
 * the same transaction as the counter, so a redelivered event changes nothing. A message that is
 * not an event envelope is logged and skipped, never retried: it would block its partition.
 */
export function startUsageConsumer(deps: CellDeps, kafka: Kafka): EventConsumer {
  const { config, metrics } = deps;
  const logger = deps.logger.child({ component: USAGE_CONSUMER });
  return runEventConsumer({
    kafka,
    logger,
    // One group per cell and topic: cells never share offsets, whatever topic they read.
    config: { groupId: `hireloop.${config.cellId}.${USAGE_CONSUMER}.${config.kafkaTopic}` },
    topics: [{ topic: config.kafkaTopic, numPartitions: 3 }],
    eachMessage: async ({ message }) => {
      if (!message.value) return;
      let envelope: Envelope;
      try {
        envelope = parseEnvelope(message.value);
      } catch (error) {
        logger.error(
          { err: error, offset: message.offset },
          "skipped a message that is not an event envelope",
        );
        metrics.eventsConsumed.inc({ consumer: USAGE_CONSUMER, outcome: "malformed" });
        return;
      }
      if (envelope.cell !== config.cellId) return;
      const applied = await count(deps, envelope);
      metrics.eventsConsumed.inc({ consumer: USAGE_CONSUMER, outcome: applied ? "applied" : "duplicate" });
    },
  });
}

async function count(deps: CellDeps, envelope: Envelope): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const inserted = await tx
      .insert(processedEvents)
      .values({ consumer: USAGE_CONSUMER, eventId: envelope.id })
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
