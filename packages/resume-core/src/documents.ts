/**
 * The resume as a file to read: PDF, DOCX and text. A part of its own because its libraries weigh
 * some 65 MB of heap (pdf.js alone 63 MB), which only the processes that read files load: not a
 * cell, and not the pdf service's main process, whose every full collection would mark it (its
 * parse workers read the files). Rendering is `@hireloop/resume-core/render` (pdfkit, docx: 10 MB).
 */
import { extractResumeText, type UploadHint } from "./extract.ts";
import { readResumeText } from "./parse.ts";
import type { ParsedResume, UploadKind } from "./types.ts";

export { type ExtractedText, extractResumeText, type UploadHint } from "./extract.ts";

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
