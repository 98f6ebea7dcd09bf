import type { Contact } from "@hireloop/resume-core";
import type { z } from "zod";

export type Operation = "analyze_job" | "tailor_resume" | "explain_match" | "roast_resume";

export type Acceptance<Out> = { accepted: Out } | { rejected: "invented_facts"; detail: string };

/**
 * One operation, answerable by the rules engine or by a model. The pipeline redacts `modelInput`,
 * checks the model's answer against `schema`, restores personal data, then lets `accept` decide
 * whether the answer is honest enough to return.
 */
export interface Task<In, Out, ModelOut> {
  operation: Operation;
  /** The prompt file's name without version: "tailor-resume" → prompts/tailor-resume.v<N>.md. */
  prompt: string;
  maxOutputTokens: number;
  schema: z.ZodType<ModelOut>;
  rules(input: In): Out;
  /** The least the model needs to see; personal data in it is redacted before sending. */
  modelInput(input: In): unknown;
  /** The person's own details, so the redactor finds their name anywhere. */
  contact(input: In): Contact | undefined;
  accept(input: In, output: ModelOut): Acceptance<Out>;
}

/** A Task's input and output types, for code that handles tasks generically. */
export type AnyTask = Task<unknown, unknown, unknown>;
