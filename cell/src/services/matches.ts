import type { MatchResult } from "@hireloop/resume-core";
import { refusedAs } from "../compute/refusals.ts";
import { guardTenantWrite } from "../tenancy/write-guard.ts";
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
  const result = await ctx.services.compute
    .run("matchResume", [resume.parsed, job.analysis], { tenant: ctx.tenantId })
    .catch(refusedAs("input_too_complex"));
  await ctx.services.db.transaction(async (tx) => {
    await guardTenantWrite(tx, ctx.tenantId, ctx.services.events);
    await ctx.services.events.record(tx, ctx.tenantId, "match.scored", { ...input, score: result.score });
  });
  return { resumeId: input.resumeId, jobId: input.jobId, ...result };
}
