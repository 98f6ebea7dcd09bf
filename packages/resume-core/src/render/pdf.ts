import PDFDocument from "pdfkit";
import type { ParsedResume } from "../types.ts";
import { type Block, resumeBlocks } from "./blocks.ts";
import { type FontCoverage, fitToFont } from "./font-text.ts";
import { pdfFontFiles } from "./fonts.ts";
import { FIXED_DOCUMENT_DATE, type TemplateStyle } from "./styles.ts";

const REGULAR = "Sans";
const BOLD = "Sans-Bold";
const BULLET = "•";

/**
 * An ATS-friendly PDF: one column of real text in an embedded sans-serif font, left-aligned, no
 * tables, images or text boxes, so text extractors read it top to bottom in order.
 */
export async function renderPdf(resume: ParsedResume, style: TemplateStyle): Promise<Uint8Array> {
  const name = resume.contact.name.trim();
  const doc = new PDFDocument({
    size: "LETTER",
    margin: style.margin,
    compress: true,
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
  const fonts = pdfFontFiles();
  doc.registerFont(REGULAR, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  const covers = fontCoverage(doc.font(REGULAR));
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const blocks = resumeBlocks(resume);
  for (const [index, block] of blocks.entries()) drawBlock(doc, block, blocks[index + 1], style, covers);
  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}

function drawBlock(
  doc: PDFKit.PDFDocument,
  block: Block,
  next: Block | undefined,
  style: TemplateStyle,
  covers: FontCoverage,
): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const bodyLine = style.bodySize + style.lineGap;
  const text = fitToFont(block.text, covers);

  switch (block.kind) {
    case "name":
      doc.font(BOLD).fontSize(style.nameSize).text(text, left, doc.y, { width });
      return;
    case "contact":
      doc
        .font(REGULAR)
        .fontSize(style.contactSize)
        .text(text, left, doc.y + 2, { width });
      return;
    case "heading": {
      // Keep a heading with the first line under it.
      startBlock(doc, style.sectionGap, style.headingSize + 4 + 2 * bodyLine);
      doc.font(BOLD).fontSize(style.headingSize).text(text, left, doc.y, { width });
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
      doc.font(REGULAR).fontSize(style.bodySize).text(text, left, doc.y, { width, lineGap: style.lineGap });
      return;
    case "entry": {
      const linesBelow = next?.kind === "bullet" ? 2 : 1;
      startBlock(doc, style.entryGap, (block.meta === undefined ? 1 : 2) * bodyLine + linesBelow * bodyLine);
      doc.font(BOLD).fontSize(style.bodySize).text(text, left, doc.y, { width, lineGap: style.lineGap });
      if (block.meta !== undefined) {
        doc.font(REGULAR).fontSize(style.bodySize).text(fitToFont(block.meta, covers), left, doc.y, {
          width,
          lineGap: style.lineGap,
        });
      }
      return;
    }
    case "bullet": {
      startBlock(doc, 1, bodyLine);
      // Marker and text are one string (extractors keep "• text" together) with a hanging indent.
      doc.font(REGULAR).fontSize(style.bodySize);
      doc.text(`${BULLET} ${text}`, left + style.bulletIndent, doc.y, {
        width: width - style.bulletIndent,
        lineGap: style.lineGap,
        indent: -doc.widthOfString(`${BULLET} `),
      });
      doc.x = left;
      return;
    }
  }
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

/** pdfkit keeps the current font's fontkit object on a field its types do not declare. */
interface FontkitHolder {
  _font?: { font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean } };
}

/**
 * Which characters the embedded font can draw. Both weights of Liberation Sans cover the same
 * characters, so the regular one answers for both.
 */
function fontCoverage(doc: PDFKit.PDFDocument): FontCoverage {
  const font = (doc as unknown as FontkitHolder)._font?.font;
  const hasGlyph = font?.hasGlyphForCodePoint?.bind(font);
  if (hasGlyph === undefined) throw new Error("pdfkit no longer exposes the current font's glyphs");
  return (char) => hasGlyph(char.codePointAt(0) ?? 0);
}
