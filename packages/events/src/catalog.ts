import { z } from "zod";

const id = z.uuid();

/** The schema of each event's `data`, by type. Version 1 of every event. */
export const eventCatalog = {
  /** A tenant's first write on a cell: the envelope's region and cell say where they live. */
  "tenant.registered": z.object({}),
  "resume.created": z.object({ resumeId: id, kind: z.enum(["pdf", "docx", "text"]), sizeBytes: z.int() }),
  /** The user corrected parsed fields; `fields` names them ("skills", "experience"). */
  "resume.corrected": z.object({ resumeId: id, version: z.int().min(2), fields: z.array(z.string()) }),
  /** The resume and what was made from it (its roasts and tailored documents) are gone. */
  "resume.deleted": z.object({ resumeId: id }),
  "job.created": z.object({ jobId: id, requiredSkillCount: z.int() }),
  "match.scored": z.object({ resumeId: id, jobId: id, score: z.int().min(0).max(100) }),
  "workflow.started": z.object({ workflowId: id, kind: z.string() }),
  "workflow.step_completed": z.object({
    workflowId: id,
    step: z.string(),
    attempt: z.int(),
    usedFallback: z.boolean(),
  }),
  "workflow.succeeded": z.object({ workflowId: id, kind: z.string(), resultId: id }),
  "workflow.failed": z.object({ workflowId: id, kind: z.string(), step: z.string(), errorCode: z.string() }),
  "workflow.cancelled": z.object({ workflowId: id, kind: z.string() }),
  "workflow.replayed": z.object({ workflowId: id, kind: z.string(), step: z.string() }),
  "tailoring.completed": z.object({
    tailoringId: id,
    workflowId: id,
    format: z.enum(["pdf", "docx"]),
    sizeBytes: z.int(),
  }),
  "discovery.completed": z.object({ discoveryId: id, workflowId: id, found: z.int() }),
  "roast.completed": z.object({ roastId: id, workflowId: id, style: z.enum(["gentle", "honest", "savage"]) }),
} as const;

export type EventType = keyof typeof eventCatalog;
export type EventData<T extends EventType> = z.infer<(typeof eventCatalog)[T]>;

export const SCHEMA_VERSION = 1;

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(eventCatalog, type);
}
