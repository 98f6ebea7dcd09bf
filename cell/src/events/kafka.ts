import type { Logger } from "@hireloop/observability";
import { Kafka, logLevel, type Producer } from "kafkajs";

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

/** An idempotent producer: broker-side deduplication of retried sends within a session. */
export function createProducer(kafka: Kafka): Producer {
  return kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
}
