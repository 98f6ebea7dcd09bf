import {
  BorderStyle,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { ResumeSource } from "../golden/schema.ts";
import { type DateWriting, labelsOf, type ResumeLabels, writeRange } from "./labels.ts";
import { HEADINGS, numericMonth } from "./words.ts";

/**
 * A resume as Word writes one from a common template: real heading styles, each role a two-column
 * table row (dates on the left, title, company and bullets on the right, no borders), bullets from
 * Word's numbering. The same document, converted to PDF by LibreOffice, is a layout of its own.
 */
export const DOCX_LAYOUT = "docx-table";
/** The docx-table documents as LibreOffice prints them. */
export const LIBREOFFICE_LAYOUT = "libreoffice-table";

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};

const bullet = (text: string) => new Paragraph({ text, numbering: { reference: "bullets", level: 0 } });

function entryRow(left: string, lines: Paragraph[]): TableRow {
  return new TableRow({
    children: [
      new TableCell({ width: { size: 1800, type: WidthType.DXA }, children: [new Paragraph(left)] }),
      new TableCell({ width: { size: 7560, type: WidthType.DXA }, children: lines }),
    ],
  });
}

const table = (rows: TableRow[]) =>
  new Table({
    rows,
    borders: NO_BORDERS,
    width: { size: 9360, type: WidthType.DXA },
    columnWidths: [1800, 7560],
  });

/** The layout's dates: "03/2021 – Present" in the resume's language. */
const writingOf = (source: ResumeSource): DateWriting => ({
  date: numericMonth,
  present: HEADINGS[source.language].present,
  separator: " – ",
});

/** What a correct reader extracts from the layout's document (and from LibreOffice's PDF of it). */
export const docxTableLabels = (source: ResumeSource): ResumeLabels => labelsOf(source, writingOf(source));

export async function renderDocxTable(
  source: ResumeSource,
): Promise<{ bytes: Uint8Array; labels: ResumeLabels }> {
  const words = HEADINGS[source.language];
  const writing = writingOf(source);
  const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
  const { email, phone, location, links } = source.contact;
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: source.name, heading: HeadingLevel.TITLE }),
    ...(source.headline ? [new Paragraph(source.headline)] : []),
    new Paragraph([email, phone, location, ...links].join(" | ")),
  ];
  if (source.summary) children.push(heading(words.summary), new Paragraph(source.summary));
  children.push(
    heading(words.experience),
    table(
      source.experience.map((role) =>
        entryRow(writeRange(writing, role.start, role.end), [
          new Paragraph({ children: [new TextRun({ text: role.title, bold: true })] }),
          new Paragraph(role.location ? `${role.company}, ${role.location}` : role.company),
          ...role.bullets.map(bullet),
        ]),
      ),
    ),
    heading(words.education),
    table(
      source.education.map((school) =>
        entryRow(school.end ? school.end.slice(0, 4) : "", [
          new Paragraph({ children: [new TextRun({ text: school.institution, bold: true })] }),
          ...(school.degree ? [new Paragraph(school.degree)] : []),
          ...school.details.map(bullet),
        ]),
      ),
    ),
    heading(words.skills),
    ...source.skills.map(
      (group) =>
        new Paragraph({
          children: [
            ...(group.label ? [new TextRun({ text: `${group.label}: `, bold: true })] : []),
            new TextRun(group.items.join(", ")),
          ],
        }),
    ),
    ...source.sections.flatMap((section) => [heading(words[section.kind]), ...section.entries.map(bullet)]),
  );
  const document = new Document({
    creator: "Hireloop golden set",
    numbering: {
      config: [
        {
          reference: "bullets",
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: "•",
              style: { paragraph: { indent: { left: 360, hanging: 240 } } },
            },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return { bytes: new Uint8Array(await Packer.toBuffer(document)), labels: docxTableLabels(source) };
}
