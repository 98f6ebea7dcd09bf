import type { DocumentFormat } from "@hireloop/resume-core";
import type { TenantContext } from "../../wiring/deps.ts";
import { startWorkflow } from "../../workflows/start.ts";
import { loadJob, loadResume } from "../loaders.ts";

/** Starts the tailoring workflow for a resume and a job of the caller's. */
export async function requestTailoring({
  ctx,
  input,
  idempotencyKey,
}: {
  ctx: TenantContext;
  input: { resumeId: string; jobId: string; format: DocumentFormat };
  idempotencyKey?: string | undefined;
}): Promise<{ workflowId: string; created: boolean }> {
  await Promise.all([loadResume(ctx, input.resumeId), loadJob(ctx, input.jobId)]);
  return startWorkflow(ctx.deps, {
    kind: "tailoring",
    tenantId: ctx.tenantId,
    input: { ...input, tier: ctx.tier },
    idempotencyKey,
  });
}
