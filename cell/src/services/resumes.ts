import { randomUUID } from "node:crypto";
import { type ParsedResume, parseResumeFile, ResumeError } from "@hireloop/resume-core";
import { and, eq } from "drizzle-orm";
import { resumes } from "../db/schema/index.ts";
import { notFound, ServiceError } from "../errors.ts";
import { guardTenantWrite } from "../tenancy/write-guard.ts";
import type { ServiceContext } from "./index.ts";

export type ResumeUpload =
  | { source: "file"; bytes: Uint8Array; filename?: string; contentType?: string }
  | { source: "text"; text: string };

export interface ResumeView {
  id: string;
  kind: "pdf" | "docx" | "text";
  filename: string | null;
  sizeBytes: number;
  sections: Omit<ParsedResume, "text">;
  createdAt: string;
}

/** Parses first and stores only a readable resume: a rejected upload leaves nothing behind. */
export async function createResume({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: ResumeUpload;
}): Promise<ResumeView> {
  const { parsed, kind, sizeBytes } = await parseUpload(input);
  const id = randomUUID();
  const filename = input.source === "file" ? (input.filename ?? null) : null;
  const [row] = await ctx.services.db.transaction(async (tx) => {
    await guardTenantWrite(tx, ctx.tenantId);
    const inserted = await tx
      .insert(resumes)
      .values({ id, tenantId: ctx.tenantId, filename, kind, sizeBytes, parsed })
      .returning();
    await ctx.services.events.record(tx, ctx.tenantId, "resume.created", { resumeId: id, kind, sizeBytes });
    return inserted;
  });
  if (!row) throw new Error("resume insert returned no row");
  return toView(row);
}

export async function getResume({ ctx, id }: { ctx: ServiceContext; id: string }): Promise<ResumeView> {
  return toView(await loadResume(ctx, id));
}

export async function loadResume(ctx: ServiceContext, id: string) {
  const [row] = await ctx.services.db
    .select()
    .from(resumes)
    .where(and(eq(resumes.id, id), eq(resumes.tenantId, ctx.tenantId)));
  if (!row) throw notFound("resume");
  return row;
}

async function parseUpload(input: ResumeUpload) {
  const bytes = input.source === "text" ? new TextEncoder().encode(input.text) : input.bytes;
  const hint =
    input.source === "text"
      ? { contentType: "text/plain" }
      : { filename: input.filename, contentType: input.contentType };
  try {
    const { resume, kind } = await parseResumeFile(bytes, hint);
    return { parsed: resume, kind, sizeBytes: bytes.byteLength };
  } catch (error) {
    if (error instanceof ResumeError) throw new ServiceError(error.code, error.message);
    throw error;
  }
}

function toView(row: typeof resumes.$inferSelect): ResumeView {
  const { text: _text, ...sections } = row.parsed;
  return {
    id: row.id,
    kind: row.kind,
    filename: row.filename,
    sizeBytes: row.sizeBytes,
    sections,
    createdAt: row.createdAt.toISOString(),
  };
}
