import { randomUUID } from "node:crypto";
import { injectTraceContext } from "@hireloop/observability";
import { and, eq } from "drizzle-orm";
import { workflowSteps, workflows } from "../db/schema/index.ts";
import { CellError } from "../errors.ts";
import { withTenantTransaction } from "../tenancy/write-guard.ts";
import type { Tiered } from "../vocabulary.ts";
import type { CellDeps } from "../wiring/deps.ts";
import type { WorkflowInput, WorkflowKind } from "./inputs.ts";
import { enqueueStep } from "./queue.ts";
import { workflowDefinition } from "./registry.ts";

export interface StartWorkflowInput<K extends WorkflowKind> {
  kind: K;
  tenantId: string;
  input: WorkflowInput<K>;
  idempotencyKey?: string | undefined;
}

/**
 * Creates the run, its steps, the first step's job and the `workflow.started` event in one
 * transaction. The same idempotency key returns the same run; reusing a key for different input
 * is refused rather than silently ignored.
 */
export async function startWorkflow<K extends WorkflowKind>(
  deps: CellDeps,
  start: StartWorkflowInput<K>,
): Promise<{ workflowId: string; created: boolean }> {
  const definition = workflowDefinition(start.kind);
  const traceContext = injectTraceContext();
  return withTenantTransaction({ deps, tenantId: start.tenantId }, async (tx, record) => {
    const id = randomUUID();
    const inserted = await tx
      .insert(workflows)
      .values({
        id,
        tenantId: start.tenantId,
        kind: start.kind,
        input: start.input,
        idempotencyKey: start.idempotencyKey ?? null,
        traceContext,
      })
      .onConflictDoNothing()
      .returning({ id: workflows.id });
    if (inserted.length === 0) {
      // Only the (tenant, idempotency key) unique index can conflict.
      const [existing] = await tx
        .select({ id: workflows.id, kind: workflows.kind, input: workflows.input })
        .from(workflows)
        .where(
          and(
            eq(workflows.tenantId, start.tenantId),
            eq(workflows.idempotencyKey, start.idempotencyKey ?? ""),
          ),
        );
      if (!existing) throw new CellError("conflict", "could not create the workflow, please retry");
      if (existing.kind !== start.kind || !sameJson(existing.input, start.input)) {
        throw new CellError(
          "idempotency_key_reused",
          "this Idempotency-Key was already used for a different request",
        );
      }
      return { workflowId: existing.id, created: false };
    }
    // Only a new run waits its turn: a repeated request for an accepted one is always answered.
    await deps.admission.admit(callerTier(start.input));
    await tx
      .insert(workflowSteps)
      .values(definition.steps.map((step, position) => ({ workflowId: id, name: step.name, position })));
    const first = definition.steps[0];
    if (!first) throw new Error(`workflow "${start.kind}" has no steps`);
    await enqueueStep(deps.queue, tx, { workflowId: id, step: first.name, traceContext });
    await record("workflow.started", {
      workflowId: id,
      kind: start.kind,
    });
    return { workflowId: id, created: true };
  });
}

/** Every kind's input names the caller's plan; runs from before plans existed count as free. */
function callerTier(input: { tier?: Tiered }): Tiered {
  return input.tier ?? "free";
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
