import type { ZodType } from "zod";
import type { Transaction } from "../db/client.ts";
import { CellError } from "../errors.ts";
import type { RecordEvent } from "../tenancy/write-guard.ts";
import type { CellDeps } from "../wiring/deps.ts";

/** What one step of a workflow sees: the run's input and the earlier steps' outputs, typed. */
export interface StepContext<Input, Outputs> {
  deps: CellDeps;
  workflowId: string;
  tenantId: string;
  input: Input;
  /** The output of a step of this run that already succeeded; asking for any other is a bug. */
  outputOf<K extends keyof Outputs & string>(step: K): Outputs[K];
  attempt: number;
  signal: AbortSignal;
}

export interface StepResult<Output> {
  /** Saved on the step row (JSON); later steps read it back with `outputOf`. */
  output: Output;
  /**
   * Persists the step's domain result in the same transaction that marks the step done, enqueues
   * the next step and records its events. Returns the workflow's result id for the last step.
   */
  persist?: (tx: Transaction, record: RecordEvent) => Promise<{ resultId?: string }>;
}

interface Step<Input, Outputs, Name extends keyof Outputs & string> {
  name: Name;
  /** Share of the workflow's progress this step accounts for; a workflow's weights add up to 100. */
  weight: number;
  run(ctx: StepContext<Input, Outputs>): Promise<StepResult<Outputs[Name]>>;
  /** Runs when every retry failed; a fallback that throws fails the workflow. */
  fallback?(ctx: StepContext<Input, Outputs>, error: unknown): Promise<StepResult<Outputs[Name]>>;
}

type AnyStep<Input, Outputs> = {
  [Name in keyof Outputs & string]: Step<Input, Outputs, Name>;
}[keyof Outputs & string];

/** A step's context as the runner has it: the run's stored input and outputs, still JSON. */
export interface StoredStepContext {
  deps: CellDeps;
  workflowId: string;
  tenantId: string;
  input: unknown;
  outputs: Record<string, unknown>;
  attempt: number;
  signal: AbortSignal;
}

/** A workflow as the runner drives it, whatever its input and outputs. */
export interface WorkflowDefinition {
  kind: string;
  steps: {
    name: string;
    weight: number;
    run(ctx: StoredStepContext): Promise<StepResult<unknown>>;
    fallback?(ctx: StoredStepContext, error: unknown): Promise<StepResult<unknown>>;
  }[];
}

/**
 * A workflow whose steps are typed by its input (parsed with `input` each time a step runs, so a
 * run stored by an older version is read as this one understands it) and by each step's output.
 */
export function defineWorkflow<Input, Outputs>(spec: {
  kind: string;
  input: ZodType<Input>;
  steps: AnyStep<Input, Outputs>[];
}): WorkflowDefinition {
  const typed = (ctx: StoredStepContext): StepContext<Input, Outputs> => ({
    deps: ctx.deps,
    workflowId: ctx.workflowId,
    tenantId: ctx.tenantId,
    input: spec.input.parse(ctx.input),
    attempt: ctx.attempt,
    signal: ctx.signal,
    outputOf(step) {
      if (!(step in ctx.outputs)) throw new Error(`step "${step}" of "${spec.kind}" has no output yet`);
      // Written by this definition's own step as Outputs[step], and read back from its JSON.
      return ctx.outputs[step] as Outputs[typeof step];
    },
  });
  return {
    kind: spec.kind,
    steps: spec.steps.map((step: Step<Input, Outputs, keyof Outputs & string>) => {
      const { fallback } = step;
      return {
        name: step.name,
        weight: step.weight,
        run: async (ctx: StoredStepContext) => step.run(typed(ctx)),
        ...(fallback && {
          fallback: async (ctx: StoredStepContext, error: unknown) => fallback(typed(ctx), error),
        }),
      };
    }),
  };
}

/**
 * A source the step reads (the resume, the job) deleted since the run started fails the run with
 * `source_missing`: no retry brings it back.
 */
export async function stillThere<T>(what: string, load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof CellError && error.code === "not_found") {
      throw new StepFailure("source_missing", `the ${what} no longer exists`);
    }
    throw error;
  }
}

export class StepFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "StepFailure";
  }
}
