import { and, eq, isNull } from "drizzle-orm";
import { deadLetters, workflowSteps, workflows } from "../../db/schema/index.ts";
import { CellError } from "../../errors.ts";
import { guardTenantWrite } from "../../tenancy/write-guard.ts";
import type { CellDeps } from "../../wiring/deps.ts";
import { publishProgress } from "../../workflows/progress.ts";
import { enqueueStep } from "../../workflows/queue.ts";

/** Re-runs a dead-lettered workflow from the step that failed; earlier steps' results are kept. */
export async function replayDeadLetter(
  deps: CellDeps,
  deadLetterId: string,
): Promise<{ workflowId: string }> {
  const workflowId = await deps.db.transaction(async (tx) => {
    const [letter] = await tx
      .select()
      .from(deadLetters)
      .where(and(eq(deadLetters.id, deadLetterId), isNull(deadLetters.replayedAt)))
      .for("update");
    if (!letter) throw new CellError("not_found", `no open dead letter ${deadLetterId}`);
    await guardTenantWrite(tx, letter.tenantId, deps.events);
    const [workflow] = await tx
      .select()
      .from(workflows)
      .where(eq(workflows.id, letter.workflowId))
      .for("update");
    if (workflow?.status !== "failed") {
      throw new CellError("conflict", `workflow ${letter.workflowId} is not failed`);
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
    await enqueueStep(deps.queue, tx, {
      workflowId: workflow.id,
      step: letter.step,
      traceContext: workflow.traceContext,
    });
    await deps.events.record(tx, workflow.tenantId, "workflow.replayed", {
      workflowId: workflow.id,
      kind: workflow.kind,
      step: letter.step,
    });
    return workflow.id;
  });
  await publishProgress(deps, workflowId);
  return { workflowId };
}
