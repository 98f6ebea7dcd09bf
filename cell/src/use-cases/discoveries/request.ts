import { CellError } from "../../errors.ts";
import type { TenantContext } from "../../wiring/deps.ts";
import type { WorkflowInput } from "../../workflows/inputs.ts";
import { startWorkflow } from "../../workflows/start.ts";
import { loadResume } from "../loaders.ts";

/** Starts a discovery: a search of the region's job boards, analyzed and scored for the caller. */
export async function requestDiscovery({
  ctx,
  input,
  idempotencyKey,
}: {
  ctx: TenantContext;
  input: {
    query: string;
    location?: string | undefined;
    boards?: string[] | undefined;
    resumeId?: string | undefined;
  };
  idempotencyKey?: string | undefined;
}): Promise<{ workflowId: string; created: boolean }> {
  if (input.resumeId) await loadResume(ctx, input.resumeId);
  if (input.boards?.length) await refuseUnknownBoards(ctx, input.boards);
  const workflowInput: WorkflowInput<"discovery"> = {
    query: input.query.trim(),
    ...(input.location?.trim() ? { location: input.location.trim() } : {}),
    ...(input.boards?.length ? { boards: input.boards } : {}),
    ...(input.resumeId ? { resumeId: input.resumeId } : {}),
    tier: ctx.tier,
  };
  return startWorkflow(ctx.deps, {
    kind: "discovery",
    tenantId: ctx.tenantId,
    input: workflowInput,
    idempotencyKey,
  });
}

async function refuseUnknownBoards(ctx: TenantContext, boards: string[]): Promise<void> {
  const known = await ctx.deps.boards.names();
  if (known === undefined) return;
  const unknown = boards.filter((board) => !known.includes(board));
  if (unknown.length > 0) {
    throw new CellError(
      "unknown_board",
      `no board named ${unknown.join(", ")}; boards: ${known.join(", ")}`,
      {
        boards: known,
      },
    );
  }
}
