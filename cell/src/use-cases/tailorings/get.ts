import { and, eq } from "drizzle-orm";
import { tailorings } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import type { TenantContext } from "../../wiring/deps.ts";

/** A tailoring as its user reads it: the scores, what moved and why, and where its document is. */
export async function getTailoring({ ctx, id }: { ctx: TenantContext; id: string }) {
  const [row] = await ctx.deps.db
    .select({
      id: tailorings.id,
      resumeId: tailorings.resumeId,
      jobId: tailorings.jobId,
      format: tailorings.format,
      filename: tailorings.filename,
      tailored: tailorings.tailored,
      scoreBefore: tailorings.scoreBefore,
      scoreAfter: tailorings.scoreAfter,
      createdAt: tailorings.createdAt,
    })
    .from(tailorings)
    .where(and(eq(tailorings.id, id), eq(tailorings.tenantId, ctx.tenantId)));
  if (!row) throw notFound("tailoring");
  const { tailored } = row;
  return {
    id: row.id,
    resumeId: row.resumeId,
    jobId: row.jobId,
    format: row.format,
    filename: row.filename,
    scoreBefore: row.scoreBefore,
    scoreAfter: row.scoreAfter,
    emphasizedSkills: tailored.emphasizedSkills ?? [],
    changes: tailored.changes ?? [],
    // Tailorings stored before edits were recorded have none to show.
    edits: tailored.edits ?? [],
    documentUrl: `/v1/tailorings/${row.id}/document`,
    createdAt: row.createdAt.toISOString(),
  };
}
