import { createEnvelope, type EventData, type EventType } from "@hireloop/events";
import { injectTraceContext } from "@hireloop/observability";
import type { Database, Transaction } from "../db/client.ts";
import { outbox } from "../db/schema/index.ts";

export interface EventOrigin {
  topic: string;
  cell: string;
  region: string;
}

export interface EventRecorder {
  /**
   * Writes an event into the outbox inside the caller's transaction (or alone, when the event is
   * the only write); the relay publishes it to Kafka.
   */
  record<T extends EventType>(
    tx: Transaction | Database,
    tenant: string,
    type: T,
    data: EventData<T>,
  ): Promise<string>;
}

export function createEventRecorder(origin: EventOrigin): EventRecorder {
  return {
    async record(tx, tenant, type, data) {
      const envelope = createEnvelope(type, data, {
        tenant,
        cell: origin.cell,
        region: origin.region,
        traceContext: injectTraceContext(),
      });
      await tx.insert(outbox).values({ eventId: envelope.id, topic: origin.topic, key: tenant, envelope });
      return envelope.id;
    },
  };
}
