import type { ParsedResume } from "@hireloop/resume-core";
import { and, eq, sql } from "drizzle-orm";
import { refusedAs } from "../../compute/refusals.ts";
import { jobs, resumes, roasts } from "../../db/schema/index.ts";
import { CellError, notFound } from "../../errors.ts";
import { withTenantTransaction } from "../../tenancy/write-guard.ts";
import type { TenantContext } from "../../wiring/deps.ts";
import { type ResumeView, toResumeView } from "./view.ts";

/** Parsed fields a user may correct; each given replaces the field whole. */
export type ResumeCorrection = Partial<Omit<ParsedResume, "text">>;

/**
 * Applies a user's corrections to the parsed resume, as one new version. The text the resume was
 * read from stays as it was. Roasts and match scores made from an earlier version are marked
 * stale, and its match profile is read again. With `expectedVersion` (If-Match), a resume changed
 * meanwhile is refused, not overwritten.
 */
export async function correctResume({
  ctx,
  id,
  correction,
  expectedVersion,
}: {
  ctx: TenantContext;
  id: string;
  correction: ResumeCorrection;
  expectedVersion?: number | undefined;
}): Promise<ResumeView> {
  return withTenantTransaction(ctx, async (tx, record) => {
    const mine = and(eq(resumes.id, id), eq(resumes.tenantId, ctx.tenantId));
    const [current] = await tx.select().from(resumes).where(mine).for("update");
    if (!current) throw notFound("resume");
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new CellError(
        "version_mismatch",
        `The resume is at version ${current.version}, not ${expectedVersion}: read it again before correcting it`,
      );
    }
    const parsed = { ...current.parsed, ...correction };
    const matchProfile = await ctx.deps.compute
      .run("profileResume", [parsed], { tenant: ctx.tenantId })
      .catch(refusedAs("input_too_complex"));
    const [row] = await tx
      .update(resumes)
      .set({
        parsed,
        matchProfile,
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
    await record("resume.corrected", {
      resumeId: id,
      version: row.version,
      fields: Object.keys(correction),
    });
    return toResumeView(row);
  });
}
