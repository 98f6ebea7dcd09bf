import {
  extractTraceContext,
  type Logger,
  SpanKind,
  SpanStatusCode,
  startDetachedSpan,
  startSpan,
} from "@hireloop/observability";
import type {
  Consumer,
  ConsumerConfig,
  ConsumerRunConfig,
  EachBatchHandler,
  EachMessageHandler,
  IHeaders,
  Kafka,
} from "kafkajs";

export type EventConsumerOptions = {
  kafka: Kafka;
  /** The group and any tuning; the defaults below make kafkajs retry without end. */
  config: ConsumerConfig;
  /** Created when missing (subscribing needs them), with the partitions their writers expect. */
  topics: { topic: string; numPartitions: number }[];
  logger: Logger;
} & (
  | { eachMessage: EachMessageHandler }
  /**
   * A partition's fetched messages at once (kafkajs commits past them when it returns), for a
   * handler that writes one transaction per batch rather than one per message.
   */
  | { eachBatch: EachBatchHandler }
);

export interface EventConsumer {
  stop(): Promise<void>;
}

/** Longest a shutdown waits for the consumer (Kafka may be the thing that is down). */
const STOP_WAIT_MS = 3_000;
const FIRST_RETRY_MS = 500;
const LONGEST_RETRY_MS = 10_000;
/** A consumer that ran this long before it crashed starts its successor without delay growth. */
const STEADY_MS = 60_000;

const DEFAULTS: Omit<ConsumerConfig, "groupId"> = {
  sessionTimeout: 10_000,
  heartbeatInterval: 1_000,
  retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 300, maxRetryTime: 5_000 },
};

/**
 * Runs a Kafka consumer for as long as the process lives. kafkajs restarts a consumer after
 * errors it deems retriable and otherwise stops it for good — "Failed to find group coordinator"
 * while a broker restarts is one such error — so this starts a fresh consumer whenever kafkajs
 * gives up, and keeps trying when Kafka is down at start. Consumers resume from their committed
 * offsets; handlers are idempotent by event id, so a redelivery changes nothing.
 */
export function runEventConsumer(options: EventConsumerOptions): EventConsumer {
  const { kafka, topics, logger } = options;
  const handler: ConsumerRunConfig =
    "eachBatch" in options
      ? { eachBatch: tracedBatch(options.eachBatch) }
      : { eachMessage: traced(options.eachMessage) };
  const config = { ...DEFAULTS, ...options.config };
  let stopped = false;
  let current: Consumer | null = null;
  let delay = FIRST_RETRY_MS;
  let pending: NodeJS.Timeout | null = null;
  let starting: Promise<void> = Promise.resolve();

  const start = async (): Promise<void> => {
    pending = null;
    if (stopped) return;
    const consumer = kafka.consumer(config);
    current = consumer;
    const startedAt = Date.now();
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (payload.restart) {
        logger.warn({ err: payload.error }, "event consumer crashed; kafkajs restarts it");
        return;
      }
      if (Date.now() - startedAt >= STEADY_MS) delay = FIRST_RETRY_MS;
      logger.error(
        { err: payload.error, retryInMs: delay },
        "event consumer stopped by kafkajs; starting a new one",
      );
      retryLater(consumer);
    });
    try {
      await createTopics();
      await consumer.connect();
      await consumer.subscribe({ topics: topics.map((t) => t.topic), fromBeginning: true });
      await consumer.run(handler);
      // kafkajs reports a failed first join as a crash, not a rejection: only a clean start resets.
      if (pending === null) delay = FIRST_RETRY_MS;
    } catch (error) {
      logger.warn({ err: error, retryInMs: delay }, "event consumer could not start; retrying");
      retryLater(consumer);
    }
  };

  const retryLater = (failed: Consumer) => {
    if (stopped || current !== failed || pending) return;
    void failed.disconnect().catch(() => {});
    pending = setTimeout(() => {
      starting = start();
    }, delay);
    delay = Math.min(delay * 2, LONGEST_RETRY_MS);
  };

  const createTopics = async () => {
    const admin = kafka.admin({ retry: { retries: 3 } });
    await admin.connect();
    try {
      await admin.createTopics({ topics, waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
  };

  starting = start();
  return {
    async stop() {
      stopped = true;
      if (pending) clearTimeout(pending);
      // With Kafka down a start may still be retrying inside kafkajs: shutdown does not wait for it.
      await Promise.race([starting, sleep(STOP_WAIT_MS)]);
      await Promise.race([current?.disconnect(), sleep(STOP_WAIT_MS)]);
    },
  };
}

/**
 * Each message handled inside a CONSUMER span continuing the trace its producer put in the headers,
 * so what the handler does (and calls) belongs to the trace of the request that caused the event.
 */
function traced(eachMessage: EachMessageHandler): EachMessageHandler {
  return (payload) =>
    startSpan(`${payload.topic} process`, () => eachMessage(payload), {
      kind: SpanKind.CONSUMER,
      parent: extractTraceContext(traceCarrier(payload.message.headers)),
      attributes: {
        "messaging.system": "kafka",
        "messaging.operation.type": "process",
        "messaging.destination.name": payload.topic,
        "messaging.destination.partition.id": String(payload.partition),
        "messaging.kafka.offset": payload.message.offset,
      },
    });
}

/**
 * A batch handled as one piece of work (a span linked to every message's trace, active while the
 * handler runs), and each message still a CONSUMER span in its producer's trace, ended with the
 * batch: one request stays one trace, down to the consumer that handled its event.
 */
function tracedBatch(eachBatch: EachBatchHandler): EachBatchHandler {
  return (payload) => {
    const { batch } = payload;
    const attributes = {
      "messaging.system": "kafka",
      "messaging.operation.type": "process",
      "messaging.destination.name": batch.topic,
      "messaging.destination.partition.id": String(batch.partition),
      "messaging.batch.message_count": batch.messages.length,
    };
    const parents = batch.messages.map((message) => extractTraceContext(traceCarrier(message.headers)));
    const spans = batch.messages.map((message, index) =>
      startDetachedSpan(`${batch.topic} process`, {
        kind: SpanKind.CONSUMER,
        parent: parents[index],
        attributes: { ...attributes, "messaging.kafka.offset": message.offset },
      }),
    );
    return startSpan(`${batch.topic} process batch`, () => eachBatch(payload), { links: parents, attributes })
      .catch((error: unknown) => {
        for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        throw error;
      })
      .finally(() => {
        for (const span of spans) span.end();
      });
  };
}

/** traceparent and tracestate of a message, as the propagator reads them. */
function traceCarrier(headers: IHeaders | undefined): Record<string, string | undefined> {
  const text = (name: string) => {
    const value = headers?.[name];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  };
  return { traceparent: text("traceparent"), tracestate: text("tracestate") };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
