import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";
import { withTimeout } from "./timeout.ts";
import { ResumeError } from "./types.ts";

/** Resumes are one to three pages; anything past this is not worth the CPU of a shared service. */
export const MAX_PDF_PAGES = 20;
export const PDF_TIMEOUT_MS = 15_000;

export interface PdfText {
  text: string;
  pages: number;
}

/**
 * Reads the text layer of a PDF, one output line per visual line. Text items are grouped by their
 * baseline, then ordered left to right, which keeps reading order for single-column resumes and
 * puts right-aligned dates on the same line as the role they belong to.
 */
export async function extractPdfText(bytes: Uint8Array): Promise<PdfText> {
  // pdf.js can rebuild a cut-off file's cross-reference table and would then return part of the
  // text as if it were all of it; refuse before parsing.
  if (!hasEndOfFileMarker(bytes)) throw truncatedError();
  // pdf.js transfers (detaches) the buffer it is given and refuses Node Buffers: hand it a plain copy.
  const loadingTask = getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    verbosity: 0,
  });
  try {
    return await withTimeout(
      readDocument(loadingTask.promise),
      PDF_TIMEOUT_MS,
      () => new ResumeError("resume_unreadable", `The PDF could not be read within ${PDF_TIMEOUT_MS} ms`),
    );
  } catch (error) {
    throw classifyPdfError(error);
  } finally {
    await loadingTask.destroy();
  }
}

async function readDocument(opening: Promise<PDFDocumentProxy>): Promise<PdfText> {
  const document = await opening;
  const pageTexts: string[] = [];
  const pagesToRead = Math.min(document.numPages, MAX_PDF_PAGES);
  for (let pageNumber = 1; pageNumber <= pagesToRead; pageNumber++) {
    const page = await document.getPage(pageNumber);
    const content = await page.getTextContent();
    const items = content.items.filter((item): item is TextItem => "str" in item && item.str.trim() !== "");
    pageTexts.push(linesFromItems(items).join("\n"));
    page.cleanup();
  }
  return { text: pageTexts.join("\n\n"), pages: document.numPages };
}

interface Line {
  baseline: number;
  height: number;
  items: TextItem[];
}

function linesFromItems(items: TextItem[]): string[] {
  // A loop, not Math.max(...items): a page may hold more items than a call may take arguments.
  const rightEdge = items.reduce(
    (edge, item) => (item.str.trim() === "" ? edge : Math.max(edge, xOf(item) + item.width)),
    0,
  );
  const sorted = [...items].sort((a, b) => baselineOf(b) - baselineOf(a) || xOf(a) - xOf(b));
  const lines: Line[] = [];
  for (const item of sorted) {
    const current = lines[lines.length - 1];
    const tolerance = Math.max(2, 0.5 * Math.min(item.height || 10, current?.height || 10));
    if (current && Math.abs(current.baseline - baselineOf(item)) <= tolerance) {
      current.items.push(item);
    } else {
      lines.push({ baseline: baselineOf(item), height: item.height || 10, items: [item] });
    }
  }

  const output: string[] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    // A gap of well over one line height is a paragraph break; the parser uses blank lines as hints.
    if (previous && previous.baseline - line.baseline > 1.8 * Math.max(previous.height, line.height)) {
      output.push("");
    }
    output.push(joinLineItems(line.items, rightEdge));
    previous = line;
  }
  return output;
}

/**
 * A line's items in reading order. Text set against the right edge after a wide gap ("Acme
 * Payments <gap> Chicago, IL", "Senior Engineer <gap> Jan 2021 – Present") is a field of its own,
 * kept apart by a tab; a gap inside the text block (a table's next cell) stays a space.
 */
function joinLineItems(items: TextItem[], rightEdge: number): string {
  const ordered = [...items].sort((a, b) => xOf(a) - xOf(b));
  const gapBefore = ordered.map((item, index) => {
    const previous = ordered[index - 1];
    return previous === undefined ? 0 : xOf(item) - (xOf(previous) + previous.width);
  });
  const wide = (index: number) => (gapBefore[index] ?? 0) > 1.5 * (ordered[index]?.height || 10);
  // Only the last wide gap can open a right-aligned field, and only when the line reaches the edge.
  const lastWide = gapBefore.findLastIndex((_, index) => wide(index));
  const lineEnd = ordered.reduce((end, item) => Math.max(end, xOf(item) + item.width), 0);
  const fieldAt = lastWide > 0 && lineEnd >= rightEdge - (ordered[lastWide]?.height || 10) ? lastWide : -1;
  let text = "";
  for (const [index, item] of ordered.entries()) {
    if (index === 0 || (gapBefore[index] ?? 0) < 0.15 * (item.height || 10)) text += item.str;
    else text += `${index === fieldAt ? "\t" : " "}${item.str}`;
  }
  return text;
}

function baselineOf(item: TextItem): number {
  return Number(item.transform[5] ?? 0);
}

function xOf(item: TextItem): number {
  return Number(item.transform[4] ?? 0);
}

function truncatedError(): ResumeError {
  return new ResumeError("resume_truncated", "The PDF is cut off; upload the complete file");
}

function classifyPdfError(error: unknown): ResumeError {
  if (error instanceof ResumeError) return error;
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") {
    return new ResumeError("resume_encrypted", "The PDF is password-protected; upload an unprotected copy");
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new ResumeError("resume_unreadable", `The PDF could not be read: ${detail}`);
}

/**
 * Every complete PDF ends with "%%EOF" (writers may append a little padding after it). A file cut
 * short loses its tail first, so a missing marker is the reliable sign of truncation.
 */
export function hasEndOfFileMarker(bytes: Uint8Array): boolean {
  const tail = new TextDecoder("latin1").decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return tail.includes("%%EOF");
}
