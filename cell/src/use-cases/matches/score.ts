import type { MatchResult } from "@hireloop/resume-core";
import { sql } from "drizzle-orm";
import { refusedAs } from "../../compute/refusals.ts";
import { jobs, resumes } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import type { TenantContext } from "../../wiring/deps.ts";

export async function scoreMatch({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: { resumeId: string; jobId: string };
}): Promise<MatchResult & { resumeId: string; jobId: string }> {
  const { resume, job, profile } = await loadMatchInputs(ctx, input);
  const result = await ctx.deps.compute
    .run("matchResume", [resume, job, profile], { tenant: ctx.tenantId })
    .catch(refusedAs("input_too_complex"));
  await ctx.deps.loneEvents.record(ctx.tenantId, "match.scored", { ...input, score: result.score });
  return { resumeId: input.resumeId, jobId: input.jobId, ...result };
}

/**
 * The resume's parsed document and match profile and the job's analysis as the database's JSON
 * text, in one round trip, for the compute thread to read: the largest resume parsed into objects
 * on the event loop, and copied from there to the thread, would cost every other request of the
 * cell its time and the garbage collections after it.
 */
async function loadMatchInputs(
  ctx: TenantContext,
  input: { resumeId: string; jobId: string },
): Promise<{ resume: string; job: string; profile: string | null }> {
  const [row] = await ctx.deps.db.execute<{
    resume: string | null;
    profile: string | null;
    job: string | null;
  }>(sql`
    select ${resumes.parsed}::text as resume, ${resumes.matchProfile}::text as profile,
      (select ${jobs.analysis}::text from ${jobs}
        where ${jobs.id} = ${input.jobId} and ${jobs.tenantId} = ${ctx.tenantId}) as job
    from (select 1) as one
    left join ${resumes} on ${resumes.id} = ${input.resumeId} and ${resumes.tenantId} = ${ctx.tenantId}`);
  if (!row?.resume) throw notFound("resume");
  if (!row.job) throw notFound("job");
  return { resume: row.resume, job: row.job, profile: row.profile };
}
