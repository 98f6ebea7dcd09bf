import type { WorkflowDefinition } from "./definition.ts";
import { discoveryWorkflow } from "./discovery.ts";
import { roastWorkflow } from "./roast.ts";
import { tailoringWorkflow } from "./tailoring.ts";

const definitions = new Map<string, WorkflowDefinition>(
  [tailoringWorkflow, discoveryWorkflow, roastWorkflow].map((definition) => [definition.kind, definition]),
);

export function workflowDefinition(kind: string): WorkflowDefinition {
  const definition = definitions.get(kind);
  if (!definition) throw new Error(`unknown workflow kind "${kind}"`);
  return definition;
}
