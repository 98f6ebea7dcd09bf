import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem, TextMarkedContent } from "pdfjs-dist/types/src/display/api.js";
import { itemInReadingOrder } from "./pdf-bidi.ts";
import { documentLines, documentText, type PlacedText, pageBlocks } from "./pdf-layout.ts";
import { type ContentPlace, listItemsOf } from "./pdf-tags.ts";
import { withTimeout } from "./timeout.ts";
import { ResumeError } from "./types.ts";
import { recoverUnmappedGlyphs } from "./unmapped-glyphs.ts";

/** Resumes are one to three pages; anything past this is not worth the CPU of a shared service. */
export const MAX_PDF_PAGES = 20;
export const PDF_TIMEOUT_MS = 15_000;
/** Text set smaller than this (in points) is not read by people, only by keyword-stuffing parsers. */
const MIN_READABLE_SIZE = 3;

export interface PdfText {
  text: string;
  pages: number;
}

/** Reads the text layer of a PDF in reading order (see pdf-layout.ts), one output line per visual line. */
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
  const pages: Array<{ items: PlacedText[]; listsMarked: boolean }> = [];
  const pagesToRead = Math.min(document.numPages, MAX_PDF_PAGES);
  for (let pageNumber = 1; pageNumber <= pagesToRead; pageNumber++) {
    const page = await document.getPage(pageNumber);
    const content = await page.getTextContent({ includeMarkedContent: true });
    // Only a tagged page marks its content with ids; another has no structure tree worth asking for.
    const tagged = content.items.some((item) => "type" in item && item.id != null);
    const places = listItemsOf(tagged ? await page.getStructTree().catch(() => null) : null);
    pages.push({
      items: visibleText(textItems(content.items, places), page.view),
      listsMarked: places.size > 0,
    });
    page.cleanup();
  }
  // Unmapped glyphs are judged over the whole document: its words tell what a ligature was.
  const recovered = recoverUnmappedGlyphs(pages.flatMap((page) => page.items));
  let next = 0;
  const lines = pages.map((page) => {
    const items = recovered.slice(next, next + page.items.length);
    next += page.items.length;
    return pageBlocks(items, { listsMarked: page.listsMarked });
  });
  return { text: documentText(documentLines(lines)), pages: document.numPages };
}

interface PageText {
  item: TextItem;
  opensItem: boolean;
}

/**
 * The page's text items, each told whether it opens a list item of a tagged PDF whose bullets are
 * drawn rather than written (a browser's list markers): that is where one item ends and the next
 * begins, which the text alone cannot tell in a narrow column.
 */
function textItems(
  items: Array<TextItem | TextMarkedContent>,
  places: Map<string, ContentPlace>,
): PageText[] {
  const open: Array<string | undefined> = [];
  const opened = new Set<number>();
  const text: PageText[] = [];
  for (const item of items) {
    if (!("str" in item)) {
      if (item.type === "endMarkedContent") open.pop();
      else open.push(item.type === "beginMarkedContentProps" ? (item.id ?? undefined) : undefined);
      continue;
    }
    if (item.str.trim() === "") continue;
    const id = open.findLast((entry) => entry !== undefined);
    const place = id === undefined ? undefined : places.get(id);
    const first = place !== undefined && !opened.has(place.listItem);
    if (place) opened.add(place.listItem);
    text.push({ item, opensItem: first && place?.inLabel === false });
  }
  return text;
}

/**
 * The items a reader sees: text outside the page (keyword stuffing placed off the sheet) and text
 * too small to read are not part of the resume.
 */
function visibleText(items: PageText[], view: number[]): PlacedText[] {
  const [left = 0, bottom = 0, right = Number.POSITIVE_INFINITY, top = Number.POSITIVE_INFINITY] = view;
  return items.flatMap(({ item, opensItem }) => {
    const placed = {
      text: itemInReadingOrder(item.str),
      x: Number(item.transform[4] ?? 0),
      baseline: Number(item.transform[5] ?? 0),
      width: item.width,
      size: item.height,
      font: item.fontName,
      ...(opensItem ? { opensItem } : {}),
    };
    const onPage =
      placed.x + placed.width > left && placed.x < right && placed.baseline > bottom && placed.baseline < top;
    return onPage && placed.size >= MIN_READABLE_SIZE ? [placed] : [];
  });
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
