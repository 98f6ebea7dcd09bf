import {
  contextWithSpan,
  extractTraceContext,
  injectTraceContext,
  type Span,
  SpanKind,
  SpanStatusCode,
  startDetachedSpan,
} from "@hireloop/observability";
import { asc, isNull } from "drizzle-orm";
import type { Producer } from "kafkajs";
import { outbox } from "../db/schema/index.ts";
import { markPublishedAndCount } from "../use-cases/usage/count-published.ts";
import type { CellDeps } from "../wiring/deps.ts";

const BATCH_SIZE = 200;
const IDLE_MS = 200;
const MAX_BACKOFF_MS = 5_000;

export interface OutboxRelay {
  stop(): Promise<void>;
  /** Publishes everything pending now; used by tests and shutdown. */
  drain(): Promise<number>;
  /** Resolves when the producer is connected to Kafka (connecting if needed); for readiness checks. */
  kafkaReady(): Promise<void>;
}

/**
 * Publishes outbox rows to Kafka in commit order, then marks them published and counts them in
 * the tenants' usage in the same transaction. Rows are locked with SKIP LOCKED so several relays
 * can run; a crash between send and mark re-sends the batch, and consumers drop the duplicates by
 * event id (at-least-once delivery, exactly-once effect); usage counts it once (ADR 0047).
 */
export function startOutboxRelay(deps: CellDeps, producer: Producer): OutboxRelay {
  let running = true;
  let backoff = 0;
  const log = deps.logger.child({ component: "outbox-relay" });

  let connected = false;
  producer.on(producer.events.CONNECT, () => {
    connected = true;
  });
  producer.on(producer.events.DISCONNECT, () => {
    connected = false;
  });

  async function publishBatch(): Promise<number> {
    if (!connected) await producer.connect();
    return deps.db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outbox)
        .where(isNull(outbox.publishedAt))
        .orderBy(asc(outbox.seq))
        .limit(BATCH_SIZE)
        .for("update", { skipLocked: true });
      if (rows.length === 0) return 0;
      const byTopic = new Map<string, typeof rows>();
      for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
      const spans: Span[] = [];
      try {
        await producer.sendBatch({
          acks: -1,
          timeout: 10_000,
          topicMessages: [...byTopic].map(([topic, topicRows]) => ({
            topic,
            messages: topicRows.map((row) => {
              const span = publishSpan(topic, row.eventId, row.envelope);
              spans.push(span);
              return {
                key: row.key,
                value: JSON.stringify(row.envelope),
                headers: {
                  "hl-event-id": row.eventId,
                  "hl-event-type": String(row.envelope.type),
                  ...injectTraceContext(contextWithSpan(span)),
                },
              };
            }),
          })),
        });
      } catch (error) {
        for (const span of spans) span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        throw error;
      } finally {
        for (const span of spans) span.end();
      }
      await markPublishedAndCount(
        tx,
        rows.map((row) => row.seq),
      );
      for (const row of rows) deps.metrics.eventsPublished.inc({ type: String(row.envelope.type) });
      return rows.length;
    });
  }

  async function drain(): Promise<number> {
    let total = 0;
    for (let sent = await publishBatch(); sent > 0; sent = await publishBatch()) total += sent;
    return total;
  }

  const loop = (async () => {
    while (running) {
      try {
        const sent = await publishBatch();
        if (backoff > 0) log.info("kafka reachable again; relaying the backlog");
        backoff = 0;
        if (sent === BATCH_SIZE) continue;
      } catch (error) {
        backoff = Math.min(MAX_BACKOFF_MS, backoff ? backoff * 2 : 250);
        log.warn(
          { err: error, retryInMs: backoff },
          "outbox relay could not publish; events stay in the outbox",
        );
      }
      await sleep(backoff || IDLE_MS);
    }
  })();

  return {
    drain,
    async kafkaReady() {
      if (!connected) await producer.connect();
    },
    async stop() {
      running = false;
      await loop;
    },
  };
}

/**
 * A PRODUCER span per event, child of the span that recorded it (its envelope's trace context), so
 * the event's trace goes on through Kafka: the span's context travels in the message headers.
 */
function publishSpan(topic: string, eventId: string, envelope: Record<string, unknown>): Span {
  return startDetachedSpan(`${topic} publish`, {
    kind: SpanKind.PRODUCER,
    parent: extractTraceContext(stringHeaders(envelope.traceContext)),
    attributes: {
      "messaging.system": "kafka",
      "messaging.operation.type": "send",
      "messaging.destination.name": topic,
      "messaging.message.id": eventId,
      "hireloop.event_type": String(envelope.type),
    },
  });
}

function stringHeaders(value: unknown): Record<string, string> {
  if (!value || typeof value !== "object") return {};
  return Object.fromEntries(
    Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
