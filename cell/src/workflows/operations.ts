import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { retryingDeadlock } from "../db/errors.ts";
import { deadLetters, workflowSteps, workflows } from "../db/schema/index.ts";
import { notFound, ServiceError } from "../errors.ts";
import type { Services } from "../services/index.ts";
import { guardTenantWrite, withTenantTransaction } from "../tenancy/write-guard.ts";
import { publishProgress } from "./progress.ts";
import { enqueueStep } from "./queue.ts";
import { isTerminal } from "./status.ts";

export interface WorkflowSnapshot {
  id: string;
  kind: string;
  status: (typeof workflows.$inferSelect)["status"];
  progress: number;
  steps: { name: string; status: string; attempts: number; usedFallback: boolean; error: string | null }[];
  tailoringId: string | null;
  /** On success: what the workflow made (the tailoring, discovery or roast id). */
  resultId: string | null;
  error: { code: string; message: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** The run as its owner sees it; another tenant's run is "not found". */
export async function getWorkflowSnapshot(
  services: Services,
  tenantId: string,
  id: string,
): Promise<WorkflowSnapshot> {
  const [workflow] = await services.db
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, id), eq(workflows.tenantId, tenantId)));
  if (!workflow) throw notFound("workflow");
  const steps = await services.db
    .select()
    .from(workflowSteps)
    .where(eq(workflowSteps.workflowId, id))
    .orderBy(asc(workflowSteps.position));
  return {
    id: workflow.id,
    kind: workflow.kind,
    status: workflow.status,
    progress: workflow.progress,
    steps: steps.map((s) => ({
      name: s.name,
      status: s.status,
      attempts: s.attempts,
      usedFallback: s.usedFallback !== null,
      error: s.errorMessage,
    })),
    tailoringId: workflow.kind === "tailoring" ? workflow.resultId : null,
    resultId: workflow.resultId,
    error: workflow.errorCode ? { code: workflow.errorCode, message: workflow.errorMessage ?? "" } : null,
    createdAt: workflow.createdAt.toISOString(),
    updatedAt: workflow.updatedAt.toISOString(),
  };
}

export async function cancelWorkflow(services: Services, tenantId: string, id: string): Promise<void> {
  // Locks the workflow's row, then its steps', as the runner does; a step being recorded without
  // its workflow's lock can still cross it, so a deadlock is retried once.
  await retryingDeadlock(() => cancelInTransaction(services, tenantId, id));
  await publishProgress(services, id);
}

async function cancelInTransaction(services: Services, tenantId: string, id: string): Promise<void> {
  await withTenantTransaction(services, tenantId, async (tx) => {
    const [workflow] = await tx
      .select()
      .from(workflows)
      .where(and(eq(workflows.id, id), eq(workflows.tenantId, tenantId)))
      .for("update");
    if (!workflow) throw notFound("workflow");
    if (isTerminal(workflow.status)) {
      throw new ServiceError("workflow_already_finished", `the workflow already ${workflow.status}`);
    }
    await tx
      .update(workflows)
      .set({ status: "cancelled", updatedAt: new Date() })
      .where(eq(workflows.id, id));
    await tx
      .update(workflowSteps)
      .set({ status: "cancelled" })
      .where(and(eq(workflowSteps.workflowId, id), inArray(workflowSteps.status, ["pending", "running"])));
    await services.events.record(tx, tenantId, "workflow.cancelled", { workflowId: id, kind: workflow.kind });
    services.metrics.workflowsTotal.inc({ kind: workflow.kind, status: "cancelled" });
  });
}

export interface DeadLetterView {
  id: string;
  workflowId: string;
  tenantId: string;
  step: string;
  errorCode: string;
  errorMessage: string;
  attempts: number;
  createdAt: string;
}

export async function listDeadLetters(
  services: Pick<Services, "db">,
  limit = 100,
): Promise<DeadLetterView[]> {
  const rows = await services.db
    .select()
    .from(deadLetters)
    .where(isNull(deadLetters.replayedAt))
    .orderBy(desc(deadLetters.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** Re-runs a dead-lettered workflow from the step that failed; earlier steps' results are kept. */
export async function replayDeadLetter(
  services: Services,
  deadLetterId: string,
): Promise<{ workflowId: string }> {
  const workflowId = await services.db.transaction(async (tx) => {
    const [letter] = await tx
      .select()
      .from(deadLetters)
      .where(and(eq(deadLetters.id, deadLetterId), isNull(deadLetters.replayedAt)))
      .for("update");
    if (!letter) throw new ServiceError("not_found", `no open dead letter ${deadLetterId}`);
    await guardTenantWrite(tx, letter.tenantId, services.events);
    const [workflow] = await tx
      .select()
      .from(workflows)
      .where(eq(workflows.id, letter.workflowId))
      .for("update");
    if (workflow?.status !== "failed") {
      throw new ServiceError("conflict", `workflow ${letter.workflowId} is not failed`);
    }
    await tx.update(deadLetters).set({ replayedAt: new Date() }).where(eq(deadLetters.id, letter.id));
    await tx
      .update(workflows)
      .set({ status: "queued", errorCode: null, errorMessage: null, updatedAt: new Date() })
      .where(eq(workflows.id, workflow.id));
    await tx
      .update(workflowSteps)
      .set({ status: "pending", attempts: 0, errorMessage: null, finishedAt: null })
      .where(and(eq(workflowSteps.workflowId, workflow.id), eq(workflowSteps.name, letter.step)));
    await enqueueStep(services.queue, tx, {
      workflowId: workflow.id,
      step: letter.step,
      traceContext: workflow.traceContext,
    });
    await services.events.record(tx, workflow.tenantId, "workflow.replayed", {
      workflowId: workflow.id,
      kind: workflow.kind,
      step: letter.step,
    });
    return workflow.id;
  });
  await publishProgress(services, workflowId);
  return { workflowId };
}
