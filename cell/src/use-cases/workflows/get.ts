import { and, asc, eq } from "drizzle-orm";
import { workflowSteps, workflows } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import type { TenantScope } from "../../wiring/deps.ts";

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
export async function getWorkflow({ ctx, id }: { ctx: TenantScope; id: string }): Promise<WorkflowSnapshot> {
  const { deps, tenantId } = ctx;
  const [workflow] = await deps.db
    .select()
    .from(workflows)
    .where(and(eq(workflows.id, id), eq(workflows.tenantId, tenantId)));
  if (!workflow) throw notFound("workflow");
  const steps = await deps.db
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
