import { type Envelope, parseEnvelope } from "@hireloop/events";
import { type EventConsumer, runEventConsumer } from "@hireloop/events/consumer";
import type { Kafka } from "kafkajs";
import { countEvent } from "../use-cases/usage/count-event.ts";
import type { CellDeps } from "../wiring/deps.ts";

export const USAGE_CONSUMER = "usage-counters";

/**
 * Reads this cell's events and counts each per tenant and type (countEvent, idempotent by event
 * id). A message that is not an event envelope is logged and skipped, never retried: it would
 * block its partition.
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
      const applied = await countEvent(deps, USAGE_CONSUMER, envelope);
      metrics.eventsConsumed.inc({ consumer: USAGE_CONSUMER, outcome: applied ? "applied" : "duplicate" });
    },
  });
}
