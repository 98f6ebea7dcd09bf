import { z } from "zod";
import { ROAST_MODES, ROAST_STYLES, TIERS } from "../vocabulary.ts";

const tier = z.enum(TIERS);

/** What starts each kind of workflow, as stored on its run and parsed again by every step. */
export const workflowInputs = {
  tailoring: z.object({
    resumeId: z.string(),
    jobId: z.string(),
    format: z.enum(["pdf", "docx"]),
    // Absent in runs started before tiers existed: they count as free.
    tier: tier.default("free"),
  }),
  discovery: z.object({
    query: z.string(),
    location: z.string().optional(),
    boards: z.array(z.string()).optional(),
    /** The resume to score against; absent means the user's latest one at scoring time. */
    resumeId: z.string().optional(),
    tier,
  }),
  roast: z.object({
    resumeId: z.string(),
    style: z.enum(ROAST_STYLES),
    mode: z.enum(ROAST_MODES),
    tier,
  }),
};

export type WorkflowKind = keyof typeof workflowInputs;
/** A workflow's input as its starter gives it. */
export type WorkflowInput<K extends WorkflowKind> = z.input<(typeof workflowInputs)[K]>;
