import { randomUUID } from "node:crypto";
import { refusedAs } from "../../compute/refusals.ts";
import { resumes } from "../../db/schema/index.ts";
import { CellError } from "../../errors.ts";
import { refusalOf } from "../../shared-services/channels.ts";
import { withTenantTransaction } from "../../tenancy/write-guard.ts";
import type { TenantContext } from "../../wiring/deps.ts";
import { type ResumeView, toResumeView } from "./view.ts";

export type ResumeUpload =
  | { source: "file"; bytes: Uint8Array; filename?: string; contentType?: string }
  | { source: "text"; text: string };

/** Parses first and stores only a readable resume: a rejected upload leaves nothing behind. */
export async function createResume({
  ctx,
  input,
}: {
  ctx: TenantContext;
  input: ResumeUpload;
}): Promise<ResumeView> {
  const { parsed, profile, kind, sizeBytes } = await parseUpload(ctx, input);
  const id = randomUUID();
  const filename = input.source === "file" ? (input.filename ?? null) : null;
  const [row] = await withTenantTransaction(ctx, async (tx, record) => {
    const inserted = await tx
      .insert(resumes)
      .values({ id, tenantId: ctx.tenantId, filename, kind, sizeBytes, parsed, matchProfile: profile })
      .returning();
    await record("resume.created", { resumeId: id, kind, sizeBytes });
    return inserted;
  });
  if (!row) throw new Error("resume insert returned no row");
  return toResumeView(row);
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
async function parseUpload(ctx: TenantContext, input: ResumeUpload) {
  const { compute, config } = ctx.deps;
  if (input.source === "text") {
    const outcome = await compute
      .run("parsePastedResume", [input.text], { tenant: ctx.tenantId })
      .catch(refusedAs("resume_too_complex"));
    if (!outcome.ok) throw new CellError(outcome.code, outcome.message);
    return {
      parsed: outcome.resume,
      profile: outcome.profile,
      kind: "text" as const,
      sizeBytes: Buffer.byteLength(input.text),
    };
  }
  const sizeBytes = input.bytes.byteLength;
  const outcome = await compute
    .run("parseUploadedFile", [input.bytes, { filename: input.filename, contentType: input.contentType }], {
      tenant: ctx.tenantId,
      timeoutMs: config.services.pdf.deadlineMs + UPLOAD_MARGIN_MS,
      transfer: ownBuffer(input.bytes),
    })
    .catch(refusedAs("resume_too_complex"));
  if (outcome.ok) return { parsed: outcome.resume, profile: outcome.profile, kind: outcome.kind, sizeBytes };
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
