import { and, eq, inArray } from "drizzle-orm";
import { retryingDeadlock } from "../../db/errors.ts";
import { workflowSteps, workflows } from "../../db/schema/index.ts";
import { CellError, notFound } from "../../errors.ts";
import { withTenantTransaction } from "../../tenancy/write-guard.ts";
import type { CellDeps, TenantScope } from "../../wiring/deps.ts";
import { publishProgress } from "../../workflows/progress.ts";
import { isTerminal } from "../../workflows/status.ts";

/** Stops a run of the caller's that has not finished; its steps in flight finish without effect. */
export async function cancelWorkflow({ ctx, id }: { ctx: TenantScope; id: string }): Promise<void> {
  const { deps, tenantId } = ctx;
  // Locks the workflow's row, then its steps', as the runner does; a step being recorded without
  // its workflow's lock can still cross it, so a deadlock is retried once.
  await retryingDeadlock(() => cancelInTransaction(deps, tenantId, id));
  await publishProgress(deps, id);
}

async function cancelInTransaction(deps: CellDeps, tenantId: string, id: string): Promise<void> {
  await withTenantTransaction({ deps, tenantId }, async (tx, record) => {
    const [workflow] = await tx
      .select()
      .from(workflows)
      .where(and(eq(workflows.id, id), eq(workflows.tenantId, tenantId)))
      .for("update");
    if (!workflow) throw notFound("workflow");
    if (isTerminal(workflow.status)) {
      throw new CellError("workflow_already_finished", `the workflow already ${workflow.status}`);
    }
    await tx
      .update(workflows)
      .set({ status: "cancelled", updatedAt: new Date() })
      .where(eq(workflows.id, id));
    await tx
      .update(workflowSteps)
      .set({ status: "cancelled" })
      .where(and(eq(workflowSteps.workflowId, id), inArray(workflowSteps.status, ["pending", "running"])));
    await record("workflow.cancelled", { workflowId: id, kind: workflow.kind });
    deps.metrics.workflowsTotal.inc({ kind: workflow.kind, status: "cancelled" });
  });
}
