import { and, eq } from "drizzle-orm";
import { discoveries, jobs, resumes, roasts, tailorings } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import { withTenantTransaction } from "../../tenancy/write-guard.ts";
import type { TenantContext } from "../../wiring/deps.ts";

/**
 * Deletes a resume with what was made from it: its roasts and its tailored documents. Jobs it
 * scored keep their analysis and lose the score; discoveries that ranked with it forget it.
 */
export async function deleteResume({ ctx, id }: { ctx: TenantContext; id: string }): Promise<void> {
  await withTenantTransaction(ctx, async (tx, record) => {
    const deleted = await tx
      .delete(resumes)
      .where(and(eq(resumes.id, id), eq(resumes.tenantId, ctx.tenantId)))
      .returning({ id: resumes.id });
    if (deleted.length === 0) throw notFound("resume");
    await tx.delete(roasts).where(and(eq(roasts.tenantId, ctx.tenantId), eq(roasts.resumeId, id)));
    await tx
      .delete(tailorings)
      .where(and(eq(tailorings.tenantId, ctx.tenantId), eq(tailorings.resumeId, id)));
    await tx
      .update(jobs)
      .set({ matchScore: null, matchedResumeId: null, matchStale: false })
      .where(and(eq(jobs.tenantId, ctx.tenantId), eq(jobs.matchedResumeId, id)));
    await tx
      .update(discoveries)
      .set({ resumeId: null })
      .where(and(eq(discoveries.tenantId, ctx.tenantId), eq(discoveries.resumeId, id)));
    await record("resume.deleted", { resumeId: id });
  });
}
