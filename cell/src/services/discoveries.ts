import { and, eq } from "drizzle-orm";
import { discoveries } from "../db/schema/index.ts";
import { notFound, ServiceError } from "../errors.ts";
import type { DiscoveryInput } from "../workflows/discovery.ts";
import { startWorkflow } from "../workflows/start.ts";
import type { ServiceContext } from "./index.ts";
import { loadResume } from "./resumes.ts";

export async function requestDiscovery({
  ctx,
  input,
  idempotencyKey,
}: {
  ctx: ServiceContext;
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
  const workflowInput: DiscoveryInput = {
    query: input.query.trim(),
    ...(input.location?.trim() ? { location: input.location.trim() } : {}),
    ...(input.boards?.length ? { boards: input.boards } : {}),
    ...(input.resumeId ? { resumeId: input.resumeId } : {}),
    tier: ctx.tier,
  };
  const { id, created } = await startWorkflow(ctx.services, {
    kind: "discovery",
    tenantId: ctx.tenantId,
    input: workflowInput,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  return { workflowId: id, created };
}

async function refuseUnknownBoards(ctx: ServiceContext, boards: string[]): Promise<void> {
  const known = await ctx.services.boards.names();
  if (known === undefined) return;
  const unknown = boards.filter((board) => !known.includes(board));
  if (unknown.length > 0) {
    throw new ServiceError(
      "unknown_board",
      `no board named ${unknown.join(", ")}; boards: ${known.join(", ")}`,
      {
        boards: known,
      },
    );
  }
}

export async function getDiscovery({ ctx, id }: { ctx: ServiceContext; id: string }) {
  const [row] = await ctx.services.db
    .select()
    .from(discoveries)
    .where(and(eq(discoveries.id, id), eq(discoveries.tenantId, ctx.tenantId)));
  if (!row) throw notFound("discovery");
  return {
    id: row.id,
    workflowId: row.workflowId,
    query: row.query,
    location: row.location,
    resumeId: row.resumeId,
    found: row.found,
    boards: row.boards,
    createdAt: row.createdAt.toISOString(),
  };
}
