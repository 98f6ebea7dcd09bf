import { randomUUID } from "node:crypto";
import type { ParsedResume } from "@hireloop/resume-core";
import { and, eq } from "drizzle-orm";
import { toServiceError } from "../agents/channels.ts";
import { parseDocument } from "../agents/pdf.ts";
import { refusedAs } from "../compute/refusals.ts";
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
  const { parsed, kind, sizeBytes } = await parseUpload(ctx, input);
  const id = randomUUID();
  const filename = input.source === "file" ? (input.filename ?? null) : null;
  const [row] = await ctx.services.db.transaction(async (tx) => {
    await guardTenantWrite(tx, ctx.tenantId, ctx.services.events);
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

/** Files between the cell and its region's pdf service, which parses them in isolation. */
const PARSE_ERRORS = [
  "resume_empty",
  "resume_too_large",
  "resume_too_long",
  "resume_unsupported_type",
  "resume_unreadable",
  "resume_truncated",
  "resume_no_text_layer",
  "resume_encrypted",
  "resume_too_complex",
] as const;

/**
 * Pasted text is parsed in the cell's compute threads (no document format involved, so no need for
 * the pdf service's isolated processes); files go to the pdf service.
 */
async function parseUpload(ctx: ServiceContext, input: ResumeUpload) {
  if (input.source === "text") {
    const outcome = await ctx.services.compute
      .run("parsePastedResume", input.text)
      .catch(refusedAs("resume_too_complex"));
    if (!outcome.ok) throw new ServiceError(outcome.code, outcome.message);
    return { parsed: outcome.resume, kind: "text" as const, sizeBytes: Buffer.byteLength(input.text) };
  }
  try {
    const { resume, kind } = await parseDocument(ctx.services.agents, input.bytes, input);
    return { parsed: resume, kind, sizeBytes: input.bytes.byteLength };
  } catch (error) {
    throw toServiceError("pdf", error, PARSE_ERRORS);
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
