import type { WorkflowStatus } from "../db/schema/index.ts";

const terminal: ReadonlySet<WorkflowStatus> = new Set(["succeeded", "failed", "cancelled"]);

export function isTerminal(status: WorkflowStatus): boolean {
  return terminal.has(status);
}
