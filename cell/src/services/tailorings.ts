import type { DocumentFormat } from "@hireloop/resume-core";
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
