import { and, eq } from "drizzle-orm";
import { roasts } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import type { RoastModeName, RoastStyleName } from "../shared-services/ai.ts";
import type { RoastInput } from "../workflows/roast.ts";
import { startWorkflow } from "../workflows/start.ts";
import type { ServiceContext } from "./index.ts";
import { loadResume } from "./resumes.ts";

export async function requestRoast({
  ctx,
  input,
  idempotencyKey,
}: {
  ctx: ServiceContext;
  input: { resumeId: string; style: RoastStyleName; mode: RoastModeName };
  idempotencyKey?: string | undefined;
}): Promise<{ workflowId: string; created: boolean }> {
  await loadResume(ctx, input.resumeId);
  const workflowInput: RoastInput = { ...input, tier: ctx.tier };
  const { id, created } = await startWorkflow(ctx.services, {
    kind: "roast",
    tenantId: ctx.tenantId,
    input: workflowInput,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });
  return { workflowId: id, created };
}

export async function getRoast({ ctx, id }: { ctx: ServiceContext; id: string }) {
  const [row] = await ctx.services.db
    .select()
    .from(roasts)
    .where(and(eq(roasts.id, id), eq(roasts.tenantId, ctx.tenantId)));
  if (!row) throw notFound("roast");
  const provider = row.usage?.provider;
  return {
    id: row.id,
    resumeId: row.resumeId,
    style: row.style,
    headline: row.headline,
    points: row.points.map((point) => ({ ...point, bullets: point.bullets ?? [] })),
    score: row.score,
    provider: typeof provider === "string" ? provider : null,
    stale: row.stale,
    createdAt: row.createdAt.toISOString(),
  };
}
