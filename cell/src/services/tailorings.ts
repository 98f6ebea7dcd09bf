import type { DocumentFormat, TailoredResume } from "@hireloop/resume-core";
import { and, eq } from "drizzle-orm";
import { tailorings } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import { startWorkflow } from "../workflows/start.ts";
import type { ServiceContext } from "./index.ts";
import { loadJob } from "./jobs.ts";
import { loadResume } from "./resumes.ts";

export async function requestTailoring({
  ctx,
  input,
  idempotencyKey,
}: {
  ctx: ServiceContext;
  input: { resumeId: string; jobId: string; format: DocumentFormat };
  idempotencyKey?: string;
}): Promise<{ workflowId: string; created: boolean }> {
  await Promise.all([loadResume(ctx, input.resumeId), loadJob(ctx, input.jobId)]);
  const { id, created } = await startWorkflow(ctx.services, {
    kind: "tailoring",
    tenantId: ctx.tenantId,
    input: { ...input, tier: ctx.tier },
    idempotencyKey,
  });
  return { workflowId: id, created };
}

/** A tailoring as its user reads it: the scores, what moved and why, and where its document is. */
export async function getTailoring({ ctx, id }: { ctx: ServiceContext; id: string }) {
  const [row] = await ctx.services.db
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
  const tailored = row.tailored as unknown as Partial<TailoredResume>;
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

export async function getTailoringDocument({ ctx, id }: { ctx: ServiceContext; id: string }) {
  const [row] = await ctx.services.db
    .select({
      document: tailorings.document,
      contentType: tailorings.contentType,
      filename: tailorings.filename,
    })
    .from(tailorings)
    .where(and(eq(tailorings.id, id), eq(tailorings.tenantId, ctx.tenantId)));
  if (!row) throw notFound("tailoring");
  return row;
}
