import { randomUUID } from "node:crypto";
import type { ParsedResume } from "@hireloop/resume-core";
import { and, desc, eq, sql } from "drizzle-orm";
import { refusedAs } from "../compute/refusals.ts";
import { resumes } from "../db/schema/index.ts";
import { notFound, ServiceError } from "../errors.ts";
import { refusalOf } from "../shared-services/channels.ts";
import { withTenantTransaction } from "../tenancy/write-guard.ts";
import type { ServiceContext } from "./index.ts";

export type ResumeUpload =
  | { source: "file"; bytes: Uint8Array; filename?: string; contentType?: string }
  | { source: "text"; text: string };

interface ResumeFields {
  id: string;
  kind: "pdf" | "docx" | "text";
  filename: string | null;
  sizeBytes: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ResumeView extends ResumeFields {
  sections: Omit<ParsedResume, "text">;
}

export interface ResumeList {
  resumes: Array<ResumeFields & { name: string }>;
  nextCursor: string | null;
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
  const [row] = await withTenantTransaction(ctx.services, ctx.tenantId, async (tx) => {
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

/**
 * The user's resumes, newest first, a page at a time. The cursor is the last row's creation time
 * and id, so a page never repeats or skips a resume when others are added or removed meanwhile.
 */
export async function listResumes({
  ctx,
  page,
}: {
  ctx: ServiceContext;
  page: { limit: number; cursor?: string | undefined };
}): Promise<ResumeList> {
  const after = page.cursor === undefined ? undefined : readCursor(page.cursor);
  const rows = await ctx.services.db
    .select({
      id: resumes.id,
      kind: resumes.kind,
      filename: resumes.filename,
      sizeBytes: resumes.sizeBytes,
      version: resumes.version,
      createdAt: resumes.createdAt,
      updatedAt: resumes.updatedAt,
      name: sql<string>`coalesce(${resumes.parsed}->'contact'->>'name', '')`,
    })
    .from(resumes)
    .where(
      and(
        eq(resumes.tenantId, ctx.tenantId),
        after && sql`(${resumes.createdAt}, ${resumes.id}) < (${after.createdAt}, ${after.id})`,
      ),
    )
    .orderBy(desc(resumes.createdAt), desc(resumes.id))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    resumes: shown.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > page.limit && last ? writeCursor(last) : null,
  };
}

function writeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f-]{36})$/;

function readCursor(cursor: string): { createdAt: string; id: string } {
  const match = CURSOR.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1] || !match[2])
    throw new ServiceError("invalid_cursor", "The cursor is not one this list gave");
  return { createdAt: match[1], id: match[2] };
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

/** Time for the pdf service's own deadline and the trip to and from a compute thread. */
const UPLOAD_MARGIN_MS = 2_000;

/**
 * Both go through the cell's compute threads: pasted text is parsed there (no document format
 * involved, so no need for the pdf service's isolated processes), and a file is handed from there
 * to the pdf service, so its megabytes never churn the event loop's heap.
 */
async function parseUpload(ctx: ServiceContext, input: ResumeUpload) {
  const { compute, config } = ctx.services;
  if (input.source === "text") {
    const outcome = await compute
      .run("parsePastedResume", [input.text], { tenant: ctx.tenantId })
      .catch(refusedAs("resume_too_complex"));
    if (!outcome.ok) throw new ServiceError(outcome.code, outcome.message);
    return { parsed: outcome.resume, kind: "text" as const, sizeBytes: Buffer.byteLength(input.text) };
  }
  const sizeBytes = input.bytes.byteLength;
  const outcome = await compute
    .run("parseUploadedFile", [input.bytes, { filename: input.filename, contentType: input.contentType }], {
      tenant: ctx.tenantId,
      timeoutMs: config.services.pdf.deadlineMs + UPLOAD_MARGIN_MS,
      transfer: ownBuffer(input.bytes),
    })
    .catch(refusedAs("resume_too_complex"));
  if (outcome.ok) return { parsed: outcome.resume, kind: outcome.kind, sizeBytes };
  throw (
    refusalOf("pdf", outcome, PARSE_ERRORS) ??
    new Error(`the pdf service failed the file: ${outcome.code}: ${outcome.message}`)
  );
}

/** The bytes' buffer, to hand over whole, when the bytes are all of it (never a shared pool). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer[] | undefined {
  const { buffer } = bytes;
  return buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength
    ? [buffer]
    : undefined;
}

export function toView(row: typeof resumes.$inferSelect): ResumeView {
  const { text: _text, ...sections } = row.parsed;
  return {
    id: row.id,
    kind: row.kind,
    filename: row.filename,
    sizeBytes: row.sizeBytes,
    version: row.version,
    sections,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
