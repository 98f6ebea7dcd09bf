import { and, eq } from "drizzle-orm";
import { roasts } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import type { TenantContext } from "../../wiring/deps.ts";

export async function getRoast({ ctx, id }: { ctx: TenantContext; id: string }) {
  const [row] = await ctx.deps.db
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
