import { type Envelope, parseEnvelope } from "@hireloop/events";
import { type EventConsumer, runEventConsumer } from "@hireloop/events/consumer";
import type { Kafka } from "kafkajs";
import { countEvents } from "../use-cases/usage/count-events.ts";
import type { CellDeps } from "../wiring/deps.ts";

export const USAGE_CONSUMER = "usage-counters";

/**
 * Reads this cell's events and counts them per tenant and type, a fetched batch in one transaction
 * (countEvents, idempotent by event id). A message that is not an event envelope is logged and
 * skipped, never retried: it would block its partition.
 */
export function startUsageConsumer(deps: CellDeps, kafka: Kafka): EventConsumer {
  const { config, metrics } = deps;
  const logger = deps.logger.child({ component: USAGE_CONSUMER });
  const envelopeOf = (value: Buffer | null, offset: string): Envelope | undefined => {
    if (!value) return undefined;
    try {
      return parseEnvelope(value);
    } catch (error) {
      logger.error({ err: error, offset }, "skipped a message that is not an event envelope");
      metrics.eventsConsumed.inc({ consumer: USAGE_CONSUMER, outcome: "malformed" });
      return undefined;
    }
  };
  return runEventConsumer({
    kafka,
    logger,
    // One group per cell and topic: cells never share offsets, whatever topic they read.
    config: { groupId: `hireloop.${config.cellId}.${USAGE_CONSUMER}.${config.kafkaTopic}` },
    topics: [{ topic: config.kafkaTopic, numPartitions: 3 }],
    eachBatch: async ({ batch }) => {
      const envelopes: Envelope[] = [];
      for (const message of batch.messages) {
        const envelope = envelopeOf(message.value, message.offset);
        if (envelope?.cell === config.cellId) envelopes.push(envelope);
      }
      const applied = await countEvents(deps, USAGE_CONSUMER, envelopes);
      metrics.eventsConsumed.inc({ consumer: USAGE_CONSUMER, outcome: "applied" }, applied);
      metrics.eventsConsumed.inc(
        { consumer: USAGE_CONSUMER, outcome: "duplicate" },
        envelopes.length - applied,
      );
    },
  });
}
