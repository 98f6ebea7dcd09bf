import type { Logger } from "@hireloop/observability";
import { Kafka, logLevel, Partitioners, type Producer } from "kafkajs";

/** kafkajs with short, explicit timeouts: a broker outage must surface quickly, not hang a relay. */
export function createKafka(clientId: string, brokers: string[], logger: Logger): Kafka {
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    retry: { initialRetryTime: 300, retries: 5, maxRetryTime: 5_000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }) => {
        const { message, ...extra } = log;
        if (level <= logLevel.ERROR) logger.error(extra, `kafka: ${message}`);
        else logger.warn(extra, `kafka: ${message}`);
      },
  });
}

/**
 * Bounded retries, so a broker outage fails a relay batch quickly (its rows stay in the outbox)
 * instead of holding the batch's transaction open. Duplicates from retried sends are dropped by
 * consumers, which are idempotent by event id; kafkajs's idempotent mode would require unbounded
 * retries.
 */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({
    maxInFlightRequests: 1,
    allowAutoTopicCreation: true,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
