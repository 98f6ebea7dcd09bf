import { type MatchResult, matchResume } from "@hireloop/resume-core";
import type { ServiceContext } from "./index.ts";
import { loadJob } from "./jobs.ts";
import { loadResume } from "./resumes.ts";

export async function scoreMatch({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { resumeId: string; jobId: string };
}): Promise<MatchResult & { resumeId: string; jobId: string }> {
  const [resume, job] = await Promise.all([loadResume(ctx, input.resumeId), loadJob(ctx, input.jobId)]);
  const result = matchResume(resume.parsed, job.analysis);
  // The event is the only write, so it needs no transaction of its own.
  await ctx.services.events.record(ctx.services.db, ctx.tenantId, "match.scored", {
    ...input,
    score: result.score,
  });
  return { resumeId: input.resumeId, jobId: input.jobId, ...result };
}
