import type { WorkflowDefinition } from "./definition.ts";
import { tailoringWorkflow } from "./tailoring.ts";

const definitions = new Map<string, WorkflowDefinition>([[tailoringWorkflow.kind, tailoringWorkflow]]);

export function workflowDefinition(kind: string): WorkflowDefinition {
  const definition = definitions.get(kind);
  if (!definition) throw new Error(`unknown workflow kind "${kind}"`);
  return definition;
}
