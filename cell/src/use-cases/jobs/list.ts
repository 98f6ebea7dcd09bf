import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { jobs } from "../../db/schema/index.ts";
import type { TenantContext } from "../../wiring/deps.ts";
import { type JobView, toJobView } from "./view.ts";

/** The user's jobs, best match first (unscored ones last, newest first among equals). */
export async function listJobs({
  ctx,
  filter,
}: {
  ctx: TenantContext;
  filter: { discoveryId?: string | undefined; limit: number; offset: number };
}): Promise<{ jobs: JobView[]; total: number }> {
  const where = and(
    eq(jobs.tenantId, ctx.tenantId),
    filter.discoveryId ? eq(jobs.discoveryId, filter.discoveryId) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    ctx.deps.db
      .select()
      .from(jobs)
      .where(where)
      .orderBy(sql`${jobs.matchScore} desc nulls last`, desc(jobs.createdAt), asc(jobs.id))
      .limit(filter.limit)
      .offset(filter.offset),
    ctx.deps.db.select({ total: count() }).from(jobs).where(where),
  ]);
  return { jobs: rows.map(toJobView), total: counted?.total ?? 0 };
}
