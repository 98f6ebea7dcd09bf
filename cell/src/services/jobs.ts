import { randomUUID } from "node:crypto";
import type { JobAnalysis } from "@hireloop/resume-core";
import { and, asc, count, desc, eq, sql } from "drizzle-orm";
import { refusedAs } from "../compute/refusals.ts";
import { type JobPosting, jobs } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { withTenantTransaction } from "../tenancy/write-guard.ts";
import type { ServiceContext } from "./index.ts";

export interface JobView {
  id: string;
  title: string;
  analysis: JobAnalysis;
  source: "manual" | "discovery";
  posting: JobPosting | null;
  matchScore: number | null;
  matchedResumeId: string | null;
  matchStale: boolean;
  createdAt: string;
}

export async function createJob({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { title?: string; text: string };
}): Promise<JobView> {
  const analysis = await ctx.services.compute
    .run("analyzeJob", [input.text, input.title], { tenant: ctx.tenantId })
    .catch(refusedAs("input_too_complex"));
  const id = randomUUID();
  const [row] = await withTenantTransaction(ctx.services, ctx.tenantId, async (tx) => {
    const inserted = await tx
      .insert(jobs)
      .values({ id, tenantId: ctx.tenantId, title: analysis.title, text: input.text, analysis })
      .returning();
    await ctx.services.events.record(tx, ctx.tenantId, "job.created", {
      jobId: id,
      requiredSkillCount: analysis.requiredSkills.length,
    });
    return inserted;
  });
  if (!row) throw new Error("job insert returned no row");
  return toView(row);
}

export async function loadJob(ctx: ServiceContext, id: string) {
  const [row] = await ctx.services.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.tenantId, ctx.tenantId)));
  if (!row) throw notFound("job");
  return row;
}

export async function getJob({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<JobView> {
  return toView(await loadJob(ctx, id));
}

/** The user's jobs, best match first (unscored ones last, newest first among equals). */
export async function listJobs({
  ctx,
  filter,
}: {
  ctx: ServiceContext;
  filter: { discoveryId?: string | undefined; limit: number; offset: number };
}): Promise<{ jobs: JobView[]; total: number }> {
  const where = and(
    eq(jobs.tenantId, ctx.tenantId),
    filter.discoveryId ? eq(jobs.discoveryId, filter.discoveryId) : undefined,
  );
  const [rows, [counted]] = await Promise.all([
    ctx.services.db
      .select()
      .from(jobs)
      .where(where)
      .orderBy(sql`${jobs.matchScore} desc nulls last`, desc(jobs.createdAt), asc(jobs.id))
      .limit(filter.limit)
      .offset(filter.offset),
    ctx.services.db.select({ total: count() }).from(jobs).where(where),
  ]);
  return { jobs: rows.map(toView), total: counted?.total ?? 0 };
}

function toView(row: typeof jobs.$inferSelect): JobView {
  return {
    id: row.id,
    title: row.title,
    analysis: row.analysis,
    source: row.source,
    posting: row.posting ?? null,
    matchScore: row.matchScore,
    matchedResumeId: row.matchedResumeId,
    matchStale: row.matchStale,
    createdAt: row.createdAt.toISOString(),
  };
}
