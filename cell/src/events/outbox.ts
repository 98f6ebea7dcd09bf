import { createEnvelope, type EventData, type EventType } from "@hireloop/events";
import { injectTraceContext } from "@hireloop/observability";
import type { Database, Transaction } from "../db/client.ts";
import { outbox } from "../db/schema/index.ts";

export interface EventOrigin {
  topic: string;
  cell: string;
  region: string;
}

/** An outbox row: what the relay publishes. */
export interface OutboxRow {
  eventId: string;
  topic: string;
  key: string;
  envelope: Record<string, unknown>;
}

export interface EventRecorder {
  /** The outbox row of an event of `tenant`, for a caller that writes it itself. */
  row<T extends EventType>(tenant: string, type: T, data: EventData<T>): OutboxRow;
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
  const row: EventRecorder["row"] = (tenant, type, data) => {
    const envelope = createEnvelope(type, data, {
      tenant,
      cell: origin.cell,
      region: origin.region,
      traceContext: injectTraceContext(),
    });
    return { eventId: envelope.id, topic: origin.topic, key: tenant, envelope };
  };
  return {
    row,
    async record(tx, tenant, type, data) {
      const values = row(tenant, type, data);
      await tx.insert(outbox).values(values);
      return values.eventId;
    },
  };
}
