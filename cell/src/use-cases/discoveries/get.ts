import { and, eq } from "drizzle-orm";
import { discoveries } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import type { TenantContext } from "../../wiring/deps.ts";

export async function getDiscovery({ ctx, id }: { ctx: TenantContext; id: string }) {
  const [row] = await ctx.deps.db
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
