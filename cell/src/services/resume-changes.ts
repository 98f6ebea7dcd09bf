import type { ParsedResume } from "@hireloop/resume-core";
import { and, eq, sql } from "drizzle-orm";
import { discoveries, jobs, resumes, roasts, tailorings } from "../db/schema/index.ts";
import { notFound, ServiceError } from "../errors.ts";
import { withTenantTransaction } from "../tenancy/write-guard.ts";
import type { ServiceContext } from "./index.ts";
import { type ResumeView, toView } from "./resumes.ts";

/** Parsed fields a user may correct; each given replaces the field whole. */
export type ResumeCorrection = Partial<Omit<ParsedResume, "text">>;

/**
 * Applies a user's corrections to the parsed resume, as one new version. The text the resume was
 * read from stays as it was. Roasts and match scores made from an earlier version are marked
 * stale. With `expectedVersion` (If-Match), a resume changed meanwhile is refused, not overwritten.
 */
export async function correctResume({
  ctx,
  id,
  correction,
  expectedVersion,
}: {
  ctx: ServiceContext;
  id: string;
  correction: ResumeCorrection;
  expectedVersion?: number | undefined;
}): Promise<ResumeView> {
  return withTenantTransaction(ctx.services, ctx.tenantId, async (tx) => {
    const mine = and(eq(resumes.id, id), eq(resumes.tenantId, ctx.tenantId));
    const [current] = await tx.select().from(resumes).where(mine).for("update");
    if (!current) throw notFound("resume");
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new ServiceError(
        "version_mismatch",
        `The resume is at version ${current.version}, not ${expectedVersion}: read it again before correcting it`,
      );
    }
    const [row] = await tx
      .update(resumes)
      .set({
        parsed: { ...current.parsed, ...correction },
        version: current.version + 1,
        updatedAt: sql`now()`,
      })
      .where(mine)
      .returning();
    if (!row) throw notFound("resume");
    await tx
      .update(roasts)
      .set({ stale: true })
      .where(and(eq(roasts.tenantId, ctx.tenantId), eq(roasts.resumeId, id)));
    await tx
      .update(jobs)
      .set({ matchStale: true })
      .where(and(eq(jobs.tenantId, ctx.tenantId), eq(jobs.matchedResumeId, id)));
    await ctx.services.events.record(tx, ctx.tenantId, "resume.corrected", {
      resumeId: id,
      version: row.version,
      fields: Object.keys(correction),
    });
    return toView(row);
  });
}

/**
 * Deletes a resume with what was made from it: its roasts and its tailored documents. Jobs it
 * scored keep their analysis and lose the score; discoveries that ranked with it forget it.
 */
export async function deleteResume({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<void> {
  await withTenantTransaction(ctx.services, ctx.tenantId, async (tx) => {
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
    await ctx.services.events.record(tx, ctx.tenantId, "resume.deleted", { resumeId: id });
  });
}
