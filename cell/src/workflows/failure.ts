import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { deadLetters, workflowSteps, workflows } from "../db/schema/index.ts";
import { guardTenantWrite } from "../tenancy/write-guard.ts";
import type { CellDeps } from "../wiring/deps.ts";
import { publishProgress } from "./progress.ts";
import { isTerminal } from "./status.ts";

/** Fails the run and puts it on the dead-letter list, with its event, in one transaction. */
export async function failWorkflow(
  deps: CellDeps,
  workflowId: string,
  stepName: string,
  code: string,
  message: string,
): Promise<void> {
  const failed = await deps.db.transaction(async (tx) => {
    const [workflow] = await tx.select().from(workflows).where(eq(workflows.id, workflowId)).for("update");
    if (!workflow || isTerminal(workflow.status)) return false;
    await guardTenantWrite(tx, workflow.tenantId, deps.events);
    const stepWhere = and(eq(workflowSteps.workflowId, workflowId), eq(workflowSteps.name, stepName));
    const [step] = await tx.select({ attempts: workflowSteps.attempts }).from(workflowSteps).where(stepWhere);
    await tx
      .update(workflowSteps)
      .set({ status: "failed", errorMessage: message, finishedAt: new Date() })
      .where(stepWhere);
    await tx
      .update(workflows)
      .set({ status: "failed", errorCode: code, errorMessage: message, updatedAt: new Date() })
      .where(eq(workflows.id, workflowId));
    await tx.insert(deadLetters).values({
      id: randomUUID(),
      workflowId,
      tenantId: workflow.tenantId,
      step: stepName,
      errorCode: code,
      errorMessage: message,
      attempts: step?.attempts ?? 0,
    });
    await deps.events.record(tx, workflow.tenantId, "workflow.failed", {
      workflowId,
      kind: workflow.kind,
      step: stepName,
      errorCode: code,
    });
    deps.metrics.workflowsTotal.inc({ kind: workflow.kind, status: "failed" });
    return true;
  });
  if (failed) {
    deps.logger.error({ workflowId, step: stepName, code }, "workflow failed and was dead-lettered");
    await publishProgress(deps, workflowId);
  }
}
