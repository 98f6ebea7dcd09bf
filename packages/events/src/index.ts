import { randomUUID } from "node:crypto";
import { type EventData, type EventType, eventCatalog, SCHEMA_VERSION } from "./catalog.ts";
import { type Envelope, envelopeSchema } from "./envelope.ts";

export { type EventData, type EventType, eventCatalog, isEventType, SCHEMA_VERSION } from "./catalog.ts";
export { type Envelope, EVENTS_TOPIC, envelopeSchema } from "./envelope.ts";

export interface EnvelopeSource {
  tenant: string;
  cell: string;
  region: string;
  traceContext: Record<string, string>;
}

/** Builds a validated envelope; throws if `data` does not match the event's schema. */
export function createEnvelope<T extends EventType>(
  type: T,
  data: EventData<T>,
  source: EnvelopeSource,
  now: Date = new Date(),
): Envelope {
  return {
    id: randomUUID(),
    type,
    schemaVersion: SCHEMA_VERSION,
    tenant: source.tenant,
    cell: source.cell,
    region: source.region,
    time: now.toISOString(),
    traceContext: source.traceContext,
    data: eventCatalog[type].parse(data),
  };
}

/** Parses an envelope from the wire (a Kafka message value). */
export function parseEnvelope(raw: string | Buffer): Envelope {
  return envelopeSchema.parse(JSON.parse(raw.toString()));
}
