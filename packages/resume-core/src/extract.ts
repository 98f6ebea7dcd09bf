import { extractDocxText } from "./extract-docx.ts";
import { extractPdfText } from "./extract-pdf.ts";
import { normalizeText } from "./normalize.ts";
import { MAX_RESUME_BYTES, ResumeError, type UploadKind } from "./types.ts";

export interface UploadHint {
  filename?: string;
  contentType?: string;
}

export interface ExtractedText {
  kind: UploadKind;
  /** Normalized text (see normalizeText). */
  text: string;
  /** Page count of a PDF (all pages, even past the ones read). */
  pages?: number;
}

const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * Turns an uploaded file into normalized text. The kind is decided by the bytes, never by the
 * name: the name and content type only decide which error a non-matching file gets.
 */
export async function extractResumeText(bytes: Uint8Array, hint: UploadHint = {}): Promise<ExtractedText> {
  if (bytes.byteLength === 0) throw new ResumeError("resume_empty", "The file is empty");
  if (bytes.byteLength > MAX_RESUME_BYTES) {
    throw new ResumeError(
      "resume_too_large",
      `The file is ${bytes.byteLength} bytes; the limit is ${MAX_RESUME_BYTES} bytes`,
    );
  }

  const detected = detectKind(bytes);
  if (detected === "pdf") {
    const { text, pages } = await extractPdfText(bytes);
    const normalized = normalizeText(text);
    if (normalized === "") {
      throw new ResumeError(
        "resume_no_text_layer",
        "The PDF has no text layer (a scan or an image); upload the original document or a text PDF",
      );
    }
    return { kind: "pdf", text: normalized, pages };
  }
  if (detected === "docx") {
    const normalized = normalizeText(await extractDocxText(bytes));
    if (normalized === "") {
      if (containsAscii(bytes, "word/media/")) {
        throw new ResumeError(
          "resume_no_text_layer",
          "The DOCX holds only images; upload a document with text",
        );
      }
      throw new ResumeError("resume_empty", "The DOCX has no text");
    }
    return { kind: "docx", text: normalized };
  }

  const claimed = claimedKind(hint);
  if (detected === "encrypted-office") {
    throw new ResumeError(
      "resume_encrypted",
      "The document is password-protected; upload an unprotected copy",
    );
  }
  if (detected === "text") {
    const normalized = normalizeText(decodeUtf8(bytes));
    if (normalized === "") throw new ResumeError("resume_empty", "The file has only whitespace");
    if (claimed === undefined) return { kind: "text", text: normalized };
  }
  if (claimed !== undefined) {
    throw new ResumeError(
      "resume_unreadable",
      `The file is named or typed as ${claimed.toUpperCase()} but its content is not a ${claimed.toUpperCase()}`,
    );
  }
  throw new ResumeError("resume_unsupported_type", "Upload a PDF, a DOCX or a plain-text file");
}

type DetectedKind = UploadKind | "encrypted-office" | "unknown";

function detectKind(bytes: Uint8Array): DetectedKind {
  // The PDF spec allows junk before the header; readers look in the first kilobyte.
  if (containsAscii(bytes.subarray(0, 1024), "%PDF-")) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return containsAscii(bytes, "word/document.xml") ? "docx" : "unknown";
  }
  // Password-protected Office files are OLE compound files holding an "EncryptedPackage" stream.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return containsUtf16Le(bytes, "EncryptedPackage") ? "encrypted-office" : "unknown";
  }
  return isPlainText(bytes) ? "text" : "unknown";
}

function claimedKind(hint: UploadHint): "pdf" | "docx" | undefined {
  const extension = hint.filename?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  const contentType = hint.contentType?.toLowerCase().split(";")[0]?.trim();
  if (extension === "pdf" || contentType === "application/pdf") return "pdf";
  if (extension === "docx" || contentType === DOCX_CONTENT_TYPE) return "docx";
  return undefined;
}

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return false;
  try {
    const text = decodeUtf8(bytes);
    // RTF is valid ASCII but markup, not a resume's text.
    return !text.startsWith("{\\rtf");
  } catch {
    return false;
  }
}

function decodeUtf8(bytes: Uint8Array): string {
  // ignoreBOM: false (the default) strips a leading byte order mark.
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, "latin1");
}

function containsUtf16Le(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle, 0, "utf16le");
}
