import type { Transaction } from "../db/client.ts";
import type { Services } from "../services/index.ts";

export interface StepContext {
  services: Services;
  workflowId: string;
  tenantId: string;
  input: Record<string, unknown>;
  /** Outputs of the steps that already succeeded, by step name. */
  outputs: Record<string, Record<string, unknown>>;
  attempt: number;
  signal: AbortSignal;
}

export interface StepResult {
  /** Saved on the step row (JSON); later steps read it from `outputs`. */
  output: Record<string, unknown>;
  /**
   * Persists the step's domain result in the same transaction that marks the step done, enqueues
   * the next step and records its events. Returns the workflow's result id for the last step.
   */
  persist?: (tx: Transaction) => Promise<{ resultId?: string }>;
}

export interface StepDefinition {
  name: string;
  /** Share of the workflow's progress this step accounts for; a workflow's weights add up to 100. */
  weight: number;
  run(ctx: StepContext): Promise<StepResult>;
  /** Runs when every retry failed; a fallback that throws fails the workflow. */
  fallback?(ctx: StepContext, error: unknown): Promise<StepResult>;
}

export interface WorkflowDefinition {
  kind: string;
  steps: StepDefinition[];
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
