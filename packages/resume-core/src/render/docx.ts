import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import type { ParsedResume } from "../types.ts";
import { type Block, resumeBlocks } from "./blocks.ts";
import { DOCX_FONT_FAMILY as FONT, PDF_FONT_FAMILY } from "./fonts.ts";
import { FIXED_DOCUMENT_DATE, type TemplateStyle } from "./styles.ts";
import { fixZipTimestamps } from "./zip-timestamps.ts";

/**
 * An ATS-friendly DOCX: one section, real Word heading styles for the standard section names,
 * plain paragraphs and Word's own bullet list, no tables, text boxes, headers or images.
 */
export async function renderDocx(resume: ParsedResume, style: TemplateStyle): Promise<Uint8Array> {
  const name = resume.contact.name.trim();
  const title = name === "" ? "Resume" : `${name} — Resume`;
  const document = new Document({
    title,
    creator: "Hireloop",
    styles: {
      default: {
        document: { run: { font: FONT, size: halfPoints(style.bodySize) } },
        title: { run: { font: FONT, size: halfPoints(style.nameSize), bold: true, color: "000000" } },
        heading1: {
          run: { font: FONT, size: halfPoints(style.headingSize), bold: true, color: "000000" },
          paragraph: {
            spacing: { before: twips(style.sectionGap), after: twips(3) },
            border: { bottom: { style: BorderStyle.SINGLE, size: 4, space: 1, color: "000000" } },
          },
        },
        heading2: {
          run: { font: FONT, size: halfPoints(style.bodySize), bold: true, color: "000000" },
          paragraph: { spacing: { before: twips(style.entryGap), after: 0 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            margin: {
              top: twips(style.margin),
              bottom: twips(style.margin),
              left: twips(style.margin),
              right: twips(style.margin),
            },
          },
        },
        children: resumeBlocks(resume).flatMap(toParagraphs),
      },
    ],
  });
  const packed = await Packer.toBuffer(document, false, [
    { path: "docProps/core.xml", data: coreProperties(title, name) },
    { path: "word/fontTable.xml", data: FONT_TABLE },
  ]);
  return fixZipTimestamps(new Uint8Array(packed));
}

function toParagraphs(block: Block): Paragraph[] {
  switch (block.kind) {
    case "name":
      return [new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.text)] })];
    case "contact":
      return [new Paragraph({ alignment: AlignmentType.LEFT, children: [new TextRun(block.text)] })];
    case "heading":
      return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(block.text)] })];
    case "paragraph":
      return [new Paragraph({ children: [new TextRun(block.text)] })];
    case "entry": {
      const heading = new Paragraph({
        heading: HeadingLevel.HEADING_2,
        keepNext: true,
        children: [new TextRun(block.text)],
      });
      if (block.meta === undefined) return [heading];
      return [heading, new Paragraph({ keepNext: true, children: [new TextRun(block.meta)] })];
    }
    case "bullet":
      return [new Paragraph({ bullet: { level: 0 }, children: [new TextRun(block.text)] })];
  }
}

/**
 * Declares the one font the document uses instead of docx's empty font table, so a machine
 * without Arial substitutes by its metrics: Liberation Sans (what the PDF embeds) has the same
 * widths, so line breaks match. The font is named, not embedded: Arial is everywhere Word is, and
 * an embedded TTF would add ~400 KB to every file.
 */
const FONT_TABLE = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
  '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">',
  `<w:font w:name="${FONT}">`,
  `<w:altName w:val="${PDF_FONT_FAMILY}"/>`,
  '<w:panose1 w:val="020B0604020202020204"/>',
  '<w:charset w:val="00"/>',
  '<w:family w:val="swiss"/>',
  '<w:pitch w:val="variable"/>',
  "</w:font>",
  "</w:fonts>",
].join("");

/** docx stamps the current time into core.xml; this version carries the fixed date instead. */
function coreProperties(title: string, author: string): string {
  const date = FIXED_DOCUMENT_DATE.toISOString().replace(/\.\d{3}Z$/, "Z");
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ',
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ',
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(title)}</dc:title>`,
    `<dc:creator>${escapeXml(author === "" ? "Hireloop" : author)}</dc:creator>`,
    "<cp:lastModifiedBy>Hireloop</cp:lastModifiedBy>",
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>`,
    "</cp:coreProperties>",
  ].join("");
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&'"]/g,
    (char) => `&${{ "<": "lt", ">": "gt", "&": "amp", "'": "apos", '"': "quot" }[char]};`,
  );
}

function halfPoints(points: number): number {
  return Math.round(points * 2);
}

function twips(points: number): number {
  return Math.round(points * 20);
}
