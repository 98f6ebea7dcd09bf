import { parseEnvelope } from "@hireloop/events";
import { sql } from "drizzle-orm";
import type { Consumer, Kafka } from "kafkajs";
import { processedEvents, usageCounters } from "../db/schema/index.ts";
import type { Services } from "../services/index.ts";

export const USAGE_CONSUMER = "usage-counters";

/**
 * Counts this cell's events per tenant and type. Idempotent by event id: the id is recorded in
 * the same transaction as the counter, so a redelivered event changes nothing.
 */
export async function startUsageConsumer(services: Services, kafka: Kafka): Promise<Consumer> {
  const { config } = services;
  const consumer = kafka.consumer({
    // One group per cell and topic: cells never share offsets, whatever topic they read.
    groupId: `hireloop.${config.cellId}.${USAGE_CONSUMER}.${config.kafkaTopic}`,
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5_000 },
  });
  await ensureTopic(kafka, config.kafkaTopic);
  await consumer.connect();
  await consumer.subscribe({ topic: config.kafkaTopic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      if (!message.value) return;
      const envelope = parseEnvelope(message.value);
      if (envelope.cell !== config.cellId) return;
      const applied = await services.db.transaction(async (tx) => {
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
      services.metrics.eventsConsumed.inc({
        consumer: USAGE_CONSUMER,
        outcome: applied ? "applied" : "duplicate",
      });
    },
  });
  return consumer;
}

/** Creates the events topic if it is missing, so consumers never subscribe to a topic that is not there yet. */
async function ensureTopic(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  } finally {
    await admin.disconnect();
  }
}
