import { z } from "zod";

/**
 * Every Hireloop event travels in this envelope, keyed by tenant. Events carry ids and metadata
 * only — never resume text or contact details — because they leave the cell and, through
 * MirrorMaker 2, the region.
 */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  schemaVersion: z.int().positive(),
  tenant: z.string().min(1),
  cell: z.string().min(1),
  region: z.string().min(1),
  time: z.iso.datetime(),
  traceContext: z.record(z.string(), z.string()),
  data: z.record(z.string(), z.unknown()),
});

export type Envelope = z.infer<typeof envelopeSchema>;

/** The regional topic every cell publishes to. */
export const EVENTS_TOPIC = "hireloop.events";
