import type { RoastModeName, RoastStyleName } from "../../vocabulary.ts";
import type { TenantContext } from "../../wiring/deps.ts";
import type { WorkflowInput } from "../../workflows/inputs.ts";
import { startWorkflow } from "../../workflows/start.ts";
import { loadResume } from "../loaders.ts";

/** Starts a roast of one of the caller's resumes. */
export async function requestRoast({
  ctx,
  input,
  idempotencyKey,
}: {
  ctx: TenantContext;
  input: { resumeId: string; style: RoastStyleName; mode: RoastModeName };
  idempotencyKey?: string | undefined;
}): Promise<{ workflowId: string; created: boolean }> {
  await loadResume(ctx, input.resumeId);
  const workflowInput: WorkflowInput<"roast"> = { ...input, tier: ctx.tier };
  return startWorkflow(ctx.deps, {
    kind: "roast",
    tenantId: ctx.tenantId,
    input: workflowInput,
    idempotencyKey,
  });
}
