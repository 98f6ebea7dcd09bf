import type { Font } from "fontkit";
import PDFDocument from "pdfkit";
import type { ParsedResume } from "../types.ts";
import { levelRuns } from "./bidi.ts";
import { type Block, resumeBlocks } from "./blocks.ts";
import { type FontCoverage, fitToFont } from "./font-text.ts";
import { documentFont, pdfFallbackFonts, pdfFonts } from "./fonts.ts";
import { FIXED_DOCUMENT_DATE, type TemplateStyle } from "./styles.ts";

const REGULAR = "Sans";
const BOLD = "Sans-Bold";
const fallbackName = (index: number) => `Fallback-${index}`;
const BULLET = "•";

/**
 * An ATS-friendly PDF: one column of real text in an embedded sans-serif font, left-aligned, no
 * tables, images or text boxes, so text extractors read it top to bottom in order.
 */
export async function renderPdf(
  resume: ParsedResume,
  style: TemplateStyle,
): Promise<{ document: Uint8Array; pages: number }> {
  const name = resume.contact.name.trim();
  const doc = new PDFDocument({
    size: "LETTER",
    margin: style.margin,
    compress: true,
    // No default font: pdfkit would parse its Helvetica metrics for every document, and every
    // line here names its own font.
    font: null as unknown as string,
    displayTitle: true,
    lang: "en-US",
    info: {
      Title: name === "" ? "Resume" : `${name} — Resume`,
      Author: name,
      Creator: "Hireloop",
      Producer: "Hireloop",
      CreationDate: FIXED_DOCUMENT_DATE,
      ModDate: FIXED_DOCUMENT_DATE,
    },
  });
  const fonts = pdfFonts();
  doc.registerFont(REGULAR, documentFont(fonts.regular));
  doc.registerFont(BOLD, documentFont(fonts.bold));
  // Fallback fonts are large: they are loaded only for a resume with a character the main font lacks.
  let fallbacks: FontCoverage[] | undefined;
  const loadFallbacks = () =>
    pdfFallbackFonts().map((font, index) => {
      doc.registerFont(fallbackName(index), documentFont(font));
      return fontCoverage(font);
    });
  const writer: Writer = {
    covers: fontCoverage(fonts.regular),
    fallbackFor: (char) => {
      fallbacks ??= loadFallbacks();
      return fallbacks.findIndex((covers) => covers(char));
    },
  };
  const chunks: Buffer[] = [];
  let pages = 1;
  doc.on("pageAdded", () => pages++);
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const blocks = resumeBlocks(resume);
  for (const [index, block] of blocks.entries()) drawBlock(doc, block, blocks[index + 1], style, writer);
  doc.end();
  await finished;
  return { document: new Uint8Array(Buffer.concat(chunks)), pages };
}

function drawBlock(
  doc: PDFKit.PDFDocument,
  block: Block,
  next: Block | undefined,
  style: TemplateStyle,
  writer: Writer,
): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bodyLine = style.bodySize + style.lineGap;
  const write = (font: string, size: number, text: string, y: number, options: PDFKit.Mixins.TextOptions) =>
    writeText(doc, writer, { font, size, text, x: left, y, options });

  switch (block.kind) {
    case "name":
      write(BOLD, style.nameSize, block.text, doc.y, { width });
      return;
    case "contact":
      write(REGULAR, style.contactSize, block.text, doc.y + 2, { width });
      return;
    case "heading": {
      // Keep a heading with the first line under it.
      startBlock(doc, style.sectionGap, style.headingSize + 4 + 2 * bodyLine);
      write(BOLD, style.headingSize, block.text, doc.y, { width });
      const ruleY = doc.y + 1;
      doc
        .moveTo(left, ruleY)
        .lineTo(left + width, ruleY)
        .lineWidth(0.6)
        .stroke();
      doc.y = ruleY + 4;
      return;
    }
    case "paragraph":
      write(REGULAR, style.bodySize, block.text, doc.y, { width, lineGap: style.lineGap });
      return;
    case "entry": {
      const linesBelow = next?.kind === "bullet" ? 2 : 1;
      startBlock(doc, style.entryGap, (block.meta === undefined ? 1 : 2) * bodyLine + linesBelow * bodyLine);
      write(BOLD, style.bodySize, block.text, doc.y, { width, lineGap: style.lineGap });
      if (block.meta !== undefined)
        write(REGULAR, style.bodySize, block.meta, doc.y, { width, lineGap: style.lineGap });
      return;
    }
    case "bullet": {
      startBlock(doc, 1, bodyLine);
      // Marker and text are one string (extractors keep "• text" together) with a hanging indent.
      doc.font(REGULAR).fontSize(style.bodySize);
      writeText(doc, writer, {
        font: REGULAR,
        size: style.bodySize,
        text: `${BULLET} ${block.text}`,
        x: left + style.bulletIndent,
        y: doc.y,
        options: {
          width: width - style.bulletIndent,
          lineGap: style.lineGap,
          indent: -doc.widthOfString(`${BULLET} `),
        },
      });
      doc.x = left;
      return;
    }
  }
}

/** What the document's fonts can draw: the main font, and the fallbacks for other scripts in order. */
interface Writer {
  covers: FontCoverage;
  /** The index of the first fallback font that has the character, or -1. */
  fallbackFor: (char: string) => number;
}

/**
 * Writes text in `font`, switching to a fallback font for the characters only it can draw (a
 * Chinese name in a Latin resume): one flow of text, wrapped as one, in runs of each font. What no
 * font has is fitted to the main one (see font-text.ts).
 */
function writeText(
  doc: PDFKit.PDFDocument,
  writer: Writer,
  run: { font: string; size: number; text: string; x: number; y: number; options: PDFKit.Mixins.TextOptions },
): void {
  // Left to right as drawn; a right-to-left stretch's font runs go in reverse, each drawn reversed.
  const pieces = levelRuns(run.text).flatMap((stretch) => {
    const runs = fontRuns(stretch.text, writer);
    return stretch.rightToLeft ? runs.reverse() : runs;
  });
  for (const [index, piece] of pieces.entries()) {
    const continued = index < pieces.length - 1;
    doc.font(piece.fallback === undefined ? run.font : fallbackName(piece.fallback)).fontSize(run.size);
    if (index === 0) doc.text(piece.text, run.x, run.y, { ...run.options, continued });
    else doc.text(piece.text, { continued });
  }
}

/** The text in runs of one font each: the main one (`fallback` undefined) or a fallback's index. */
function fontRuns(text: string, writer: Writer): Array<{ text: string; fallback?: number }> {
  const runs: Array<{ text: string; fallback?: number }> = [];
  let pending = "";
  const flush = () => {
    if (pending !== "") runs.push({ text: fitToFont(pending, writer.covers) });
    pending = "";
  };
  for (const char of text.normalize("NFC")) {
    const fallback = writer.covers(char) ? -1 : writer.fallbackFor(char);
    if (fallback === -1) {
      pending += char;
      continue;
    }
    flush();
    const last = runs[runs.length - 1];
    if (last?.fallback === fallback) last.text += char;
    else runs.push({ text: char, fallback });
  }
  flush();
  return runs.length > 0 ? runs : [{ text: "" }];
}

/** Adds `gap` before a block, or starts a new page when fewer than `needed` points are left. */
function startBlock(doc: PDFKit.PDFDocument, gap: number, needed: number): void {
  const bottom = doc.page.height - doc.page.margins.bottom;
  if (doc.y + gap + needed > bottom) {
    doc.addPage();
    return;
  }
  doc.y += gap;
}

/**
 * Which characters a font can draw. Both weights of Liberation Sans cover the same characters, so
 * the regular one answers for both. Every character of a document is asked about, and a resume
 * uses few distinct ones, so each answer is kept.
 */
function fontCoverage(font: Font): FontCoverage {
  const answers = new Map<string, boolean>();
  return (char) => {
    let covered = answers.get(char);
    if (covered === undefined) {
      covered = font.hasGlyphForCodePoint(char.codePointAt(0) ?? 0);
      answers.set(char, covered);
    }
    return covered;
  };
}

declare global {
  namespace PDFKit.Mixins {
    interface PDFFont {
      /** pdfkit 0.20 takes a font fontkit has already parsed; @types/pdfkit does not say so yet. */
      registerFont(name: string, src: Font, family?: string): this;
    }
  }
}
