import type { MatchResult } from "@hireloop/resume-core";
import { refusedAs } from "../../compute/refusals.ts";
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

/** The match's inputs, each the tenant's (db/match-inputs.ts), or 404 for the one that is not. */
async function loadMatchInputs(
  ctx: TenantContext,
  input: { resumeId: string; jobId: string },
): Promise<{ resume: string; job: string; profile: string | null }> {
  const { resume, job, profile } = await ctx.deps.matchInputs({ tenant: ctx.tenantId, ...input });
  if (!resume) throw notFound("resume");
  if (!job) throw notFound("job");
  return { resume, job, profile };
}
