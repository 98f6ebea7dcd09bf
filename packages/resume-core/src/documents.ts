/**
 * The resume as a document: reading PDF, DOCX and text files, and rendering PDF and DOCX. A part of
 * its own because its libraries (pdf.js, mammoth, pdfkit, docx) weigh some 70 MB of heap, which the
 * processes that only work on text (a cell's API, its worker) never need to load.
 */
import { extractResumeText, type UploadHint } from "./extract.ts";
import { readResumeText } from "./parse.ts";
import type { ParsedResume, UploadKind } from "./types.ts";

export { type ExtractedText, extractResumeText, type UploadHint } from "./extract.ts";
export * from "./render/index.ts";

export interface ParsedResumeFile {
  resume: ParsedResume;
  kind: UploadKind;
  pages?: number;
}

/** Extracts and reads an uploaded file (see readResumeText for what is refused). */
export async function parseResumeFile(bytes: Uint8Array, hint: UploadHint = {}): Promise<ParsedResumeFile> {
  const { text, kind, pages } = await extractResumeText(bytes, hint);
  return { resume: readResumeText(text), kind, ...(pages === undefined ? {} : { pages }) };
}
