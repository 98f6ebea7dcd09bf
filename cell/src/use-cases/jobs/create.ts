import { randomUUID } from "node:crypto";
import { refusedAs } from "../../compute/refusals.ts";
import { withTenantTransaction } from "../../tenancy/write-guard.ts";
import type { TenantContext } from "../../wiring/deps.ts";
import { insertJob } from "./store.ts";
import { type JobView, toJobView } from "./view.ts";

/** Analyzes a job description the user pasted (on a compute thread) and stores it. */
export async function createJob({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: { title?: string; text: string };
}): Promise<JobView> {
  const analysis = await ctx.deps.compute
    .run("analyzeJob", [input.text, input.title], { tenant: ctx.tenantId })
    .catch(refusedAs("input_too_complex"));
  const row = await withTenantTransaction(ctx, async (tx, record) => {
    const inserted = await insertJob(tx, {
      id: randomUUID(),
      tenantId: ctx.tenantId,
      title: analysis.title,
      text: input.text,
      analysis,
    });
    await record("job.created", { jobId: inserted.id, requiredSkillCount: analysis.requiredSkills.length });
    return inserted;
  });
  return toJobView(row);
}
