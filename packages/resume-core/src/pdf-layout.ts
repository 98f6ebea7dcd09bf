/**
 * Reading order of a PDF page from the positions of its text. Text is grouped into rows by
 * baseline; where a gutter of white space runs down a band of rows (a sidebar beside the main
 * column, two columns of text), each side of it is read whole, one after the other, instead of
 * row by row across the page. Rows whose two sides line up row for row (a title with its dates at
 * the right edge, a table of labelled cells) are fields of one line, not columns, and stay rows.
 */

/** One piece of text on a page, as the PDF places it. y grows upwards (PDF user space). */
export interface PlacedText {
  text: string;
  x: number;
  baseline: number;
  width: number;
  /** Font size on the page (the item's height). */
  size: number;
  /** The font's name in the file: a change of font (bold to regular) is not a wrapped line. */
  font?: string;
  /** The first text of a list item whose bullet is drawn, not written (see extract-pdf.ts). */
  opensItem?: boolean;
}

import { startsListItem } from "./normalize.ts";
import { recognizeHeading } from "./sections.ts";

interface Row {
  baseline: number;
  size: number;
  items: PlacedText[];
  /** A label cell's text, read at the end of the row after a tab (see withLabelFields). */
  field?: string;
}

interface Gap {
  start: number;
  end: number;
}

/** A column holds at least this many rows; fewer is a field beside a line, not a column. */
const MIN_COLUMN_ROWS = 3;
/** Rows aligned to the other side's rows in this share or more are one table, not two columns. */
const TABLE_ALIGNMENT = 0.75;
/** Column finding is quadratic in rows at worst; a page past these sizes is read row by row. */
const MAX_ROWS_FOR_COLUMNS = 400;
const MAX_ITEMS_FOR_COLUMNS = 5000;

/** A line of text as set on the page; a blank line (size 0) separates blocks and paragraphs. */
export interface SetLine {
  text: string;
  size: number;
}

const BREAK: SetLine = { text: "", size: 0 };

/**
 * The page's text as lines in reading order. `listsMarked`: the page says where each list item
 * starts (see PlacedText.opensItem), so a line cannot start one unless it says so.
 */
export function pageLines(items: PlacedText[], { listsMarked = false } = {}): SetLine[] {
  const rows = rowsOf(items);
  const blocks =
    rows.length > MAX_ROWS_FOR_COLUMNS || items.length > MAX_ITEMS_FOR_COLUMNS ? [rows] : readingBlocks(rows);
  const lines: SetLine[] = [];
  for (const block of blocks) {
    if (lines.length > 0) lines.push(BREAK);
    lines.push(...blockLines(block, listsMarked));
  }
  return lines;
}

/**
 * The document's text, one page after another. Section headings set larger than the body text
 * are marked "# " (the Markdown heading the section parser reads), so that a heading's words are
 * not needed to find it and a bold label inside a section ("Languages" over a list of programming
 * languages) is not taken for one. The heading size is the largest size, above the body's, that
 * sets two or more short lines one of which names a known section; a document with no such size
 * is left unmarked.
 */
export function documentText(pages: SetLine[][]): string {
  const lines = pages.flat().filter((line) => line.text !== "");
  const level = headingSize(lines);
  const marked = (line: SetLine) =>
    level !== undefined && line.text !== "" && sizeLevel(line.size) === level ? `# ${line.text}` : line.text;
  return pages.map((page) => page.map(marked).join("\n")).join("\n\n");
}

function headingSize(lines: SetLine[]): number | undefined {
  const characters = new Map<number, number>();
  const levels = new Map<number, SetLine[]>();
  for (const line of lines) {
    const level = sizeLevel(line.size);
    characters.set(level, (characters.get(level) ?? 0) + line.text.length);
    levels.set(level, [...(levels.get(level) ?? []), line]);
  }
  const body = [...characters.entries()].reduce(
    (most, entry) => (entry[1] > most[1] ? entry : most),
    [0, 0],
  )[0];
  const candidates = [...levels.entries()]
    .filter(([level, set]) => level > body && set.length >= 2 && set.every((line) => line.text.length <= 60))
    .filter(([, set]) => set.some((line) => recognizeHeading(line.text) !== undefined))
    .map(([level]) => level);
  return candidates.length === 0 ? undefined : Math.max(...candidates);
}

/** Sizes to the half point: what a reader tells apart. */
function sizeLevel(size: number): number {
  return Math.round(size * 2) / 2;
}

function rowsOf(items: PlacedText[]): Row[] {
  const sorted = [...items].sort((a, b) => b.baseline - a.baseline || a.x - b.x);
  const rows: Row[] = [];
  for (const item of sorted) {
    const current = rows[rows.length - 1];
    const tolerance = Math.max(2, 0.5 * Math.min(sizeOf(item), current?.size ?? 10));
    if (current && Math.abs(current.baseline - item.baseline) <= tolerance) current.items.push(item);
    else rows.push({ baseline: item.baseline, size: sizeOf(item), items: [item] });
  }
  for (const row of rows) row.size = sizeOfText(row.items);
  return rows;
}

/**
 * Splits rows into blocks read one after another. From each row downwards, the longest band of
 * rows that keeps a gutter open is a candidate; if its sides are columns, the rows above it are a
 * block, and each side is read as blocks of its own (a column may hold columns).
 */
function readingBlocks(rows: Row[]): Row[][] {
  const extent = extentOf(rows.flatMap((row) => row.items));
  const minGutter = Math.max(6, medianSize(rows));
  const blocks: Row[][] = [];
  let start = 0;
  let from = 0;
  while (from < rows.length) {
    const band = columnBand(rows, from, extent, minGutter);
    if (band === undefined) {
      from++;
      continue;
    }
    if (from > start) blocks.push(rows.slice(start, from));
    if (band.kind === "columns") blocks.push(...readingBlocks(band.left), ...readingBlocks(band.right));
    else blocks.push(band.rows);
    start = from = band.end;
  }
  if (start < rows.length) blocks.push(rows.slice(start));
  return blocks;
}

type Band =
  | { kind: "columns"; end: number; left: Row[]; right: Row[] }
  | { kind: "labels"; end: number; rows: Row[] };

function columnBand(rows: Row[], from: number, extent: Gap, minGutter: number): Band | undefined {
  let gaps: Gap[] = [extent];
  let end = from;
  while (end < rows.length) {
    let open = gaps;
    for (const item of rows[end]?.items ?? []) open = open.flatMap((gap) => without(gap, item));
    open = open.filter((gap) => gap.end - gap.start >= minGutter);
    if (open.length === 0) break;
    gaps = open;
    end++;
  }
  if (end - from < MIN_COLUMN_ROWS) return undefined;
  const band = rows.slice(from, end);
  const gutters = gaps
    .filter((gap) => gap.start > extent.start && gap.end < extent.end)
    .sort((a, b) => b.end - b.start - (a.end - a.start));
  for (const gutter of gutters) {
    const split = splitAt(band, gutter);
    if (isColumns(split)) return { kind: "columns", end, ...split };
  }
  for (const gutter of gutters) {
    const split = splitAt(band, gutter);
    if (isLabelColumn(split)) return { kind: "labels", end, rows: withLabelFields(band, gutter, split) };
  }
  return undefined;
}

/**
 * A table whose narrow side labels the rows of the other ("06/2021 – Present" beside a role's
 * title, company and bullets): the narrow side is set row for row against the other, in cells of a
 * few lines, and the other has several rows for each of its rows.
 */
function isLabelColumn({ left, right }: { left: Row[]; right: Row[] }): boolean {
  if (left.length === 0 || right.length === 0 || isColumns({ left, right })) return false;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  const cells = runsOf(shorter);
  return shorter.length <= 0.6 * longer.length && cells.length >= 2 && Math.max(...cells) <= MAX_LABEL_ROWS;
}

/** A label cell holds a few lines; a sidebar's list runs on. */
const MAX_LABEL_ROWS = 3;

/** The lengths of the runs of rows each right under the one before. */
function runsOf(rows: Row[]): number[] {
  const runs: number[] = [];
  for (const [index, row] of rows.entries()) {
    const previous = rows[index - 1];
    if (previous && previous.baseline - row.baseline <= 1.5 * row.size)
      runs[runs.length - 1] = (runs.at(-1) ?? 0) + 1;
    else runs.push(1);
  }
  return runs;
}

/**
 * The rows of a label table, each label cell (its lines joined) set as a field at the end of the
 * row it starts on: "Senior Engineer <tab> 06/2021 – Present", the way a right-aligned date reads.
 */
function withLabelFields(band: Row[], gutter: Gap, { left, right }: { left: Row[]; right: Row[] }): Row[] {
  const labelsLeft = left.length <= right.length;
  const isLabel = (item: PlacedText) => (labelsLeft ? item.x < gutter.start : item.x >= gutter.end);
  const rows: Row[] = [];
  let cell: { row: Row; baseline: number } | undefined;
  for (const row of band) {
    const labels = row.items.filter(isLabel);
    const others = row.items.filter((item) => !isLabel(item));
    if (labels.length === 0 || others.length === 0) {
      // A row with no label, or a label with nothing beside it (a heading), stays as it is.
      if (labels.length > 0) cell = undefined;
      rows.push(row);
      continue;
    }
    const text = joinRowItems(labels, Number.POSITIVE_INFINITY);
    if (cell && cell.baseline - row.baseline <= 1.5 * row.size) {
      cell.row.field = joinWrapped(cell.row.field ?? "", text);
      cell.baseline = row.baseline;
      rows.push({ ...row, items: others });
    } else {
      const labelled = { ...row, items: others, field: text };
      cell = { row: labelled, baseline: row.baseline };
      rows.push(labelled);
    }
  }
  return rows;
}

/** What is left of a gap once an item covers part of it. */
function without(gap: Gap, item: PlacedText): Gap[] {
  const itemEnd = item.x + item.width;
  if (itemEnd <= gap.start || item.x >= gap.end) return [gap];
  const left = { start: gap.start, end: item.x };
  const right = { start: itemEnd, end: gap.end };
  return [left, right].filter((part) => part.end > part.start);
}

function splitAt(band: Row[], gutter: Gap): { left: Row[]; right: Row[] } {
  const side = (keep: (item: PlacedText) => boolean) =>
    band.flatMap((row) => {
      const items = row.items.filter(keep);
      const first = items[0];
      return first === undefined ? [] : [{ baseline: first.baseline, size: sizeOfText(items), items }];
    });
  return {
    left: side((item) => item.x < gutter.start),
    right: side((item) => item.x >= gutter.end),
  };
}

/**
 * Two sides are columns when each has rows enough and the shorter one is not set row for row
 * against the other: a sidebar's lines fall where its own headings and spacing put them, a table's
 * cells start on their row's line. Rows with no line of the other side beside them (a heading above
 * the table) say neither.
 */
function isColumns({ left, right }: { left: Row[]; right: Row[] }): boolean {
  if (left.length < MIN_COLUMN_ROWS || right.length < MIN_COLUMN_ROWS) return false;
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  const distances = shorter.map((row) =>
    longer.reduce((nearest, other) => Math.min(nearest, Math.abs(other.baseline - row.baseline)), Infinity),
  );
  const beside = distances.filter((distance, index) => distance <= 0.5 * (shorter[index]?.size ?? 10));
  const aligned = beside.filter((distance) => distance <= 1);
  return beside.length === 0 || aligned.length < TABLE_ALIGNMENT * beside.length;
}

interface Line {
  text: string;
  start: number;
  end: number;
  baseline: number;
  size: number;
  /** Width of the first word, as far as the item's width tells it. */
  firstWord: number;
  firstFont?: string | undefined;
  lastFont?: string | undefined;
}

function blockLines(rows: Row[], listsMarked: boolean): SetLine[] {
  const extent = extentOf(rows.flatMap((row) => row.items));
  const lines: SetLine[] = [];
  let previous: Line | undefined;
  for (const row of rows) {
    const line = lineOf(row, extent.end);
    const last = lines[lines.length - 1];
    if (previous && last && wrapsInto(previous, line, extent, listsMarked)) {
      last.text = joinWrapped(last.text, line.text);
    } else {
      // A gap of well over one line height is a paragraph break; the parser uses blank lines as hints.
      if (previous && previous.baseline - line.baseline > 1.8 * Math.max(previous.size, line.size))
        lines.push(BREAK);
      lines.push({ text: line.text, size: line.size });
    }
    previous = line;
  }
  return lines;
}

function lineOf(row: Row, rightEdge: number): Line {
  const { start, end } = extentOf(row.items);
  const first = row.items.reduce((leftmost, item) => (item.x < leftmost.x ? item : leftmost));
  const last = row.items.reduce((rightmost, item) => (item.x > rightmost.x ? item : rightmost));
  const word = first.text.trimStart().split(/\s/u)[0] ?? "";
  return {
    text:
      row.field === undefined
        ? joinRowItems(row.items, rightEdge)
        : `${joinRowItems(row.items, rightEdge)}\t${row.field}`,
    start,
    end,
    baseline: row.baseline,
    size: row.size,
    firstWord: first.text.length === 0 ? 0 : (first.width * word.length) / first.text.length,
    firstFont: first.font,
    lastFont: last.font,
  };
}

/** Line ends that leave a phrase open ("Code review &", "Prairie State Institute of"). */
const OPEN_ENDING = /(?:[,&/–—-]|\b(?:and|of|for|in|at|the|und|für|der|von|et|de|des|du|la|y|del|do|da))$/u;

/**
 * Whether the next line continues this one because the text wrapped: same font and size, the next line
 * right below, starting at the same edge or a hanging indent, not a new list item, and either its
 * first word would not have fitted at the end of this line (which must not stop far short: the
 * block is only as wide as its longest line, and unless the page marks its list items, a capital
 * may open the next item of a list drawn without markers), or this line leaves its phrase or a
 * parenthesis open.
 */
function wrapsInto(line: Line, next: Line, block: Gap, listsMarked: boolean): boolean {
  if (line.text.includes("\t") || next.text.includes("\t") || startsListItem(next.text)) return false;
  if (Math.abs(line.size - next.size) > 0.5 || line.lastFont !== next.firstFont) return false;
  if (line.baseline - next.baseline > 1.5 * line.size) return false;
  if (next.start < line.start - 1 || next.start > line.start + 2 * line.size) return false;
  // A capital after a line that stops short may open the next item of a list drawn without markers.
  const fill = (line.end - line.start) / (block.end - block.start);
  const full = fill >= (!listsMarked && /^\p{Lu}/u.test(next.text) ? 0.85 : 0.4);
  const noRoom = line.end + 0.25 * line.size + next.firstWord > block.end + 1;
  return (full && noRoom) || OPEN_ENDING.test(line.text) || opensParenthesis(line.text);
}

function opensParenthesis(text: string): boolean {
  return text.lastIndexOf("(") > text.lastIndexOf(")");
}

/** A word broken at a hyphen stays one word ("linkedin.com/in/jane-" + "doe"); other lines join with a space. */
function joinWrapped(text: string, next: string): string {
  return /\p{L}-$/u.test(text) ? `${text}${next}` : `${text} ${next}`;
}

/**
 * A row's items in reading order. Text set against the right edge after a wide gap ("Acme
 * Payments <gap> Chicago, IL", "Senior Engineer <gap> Jan 2021 – Present") is a field of its own,
 * kept apart by a tab; a gap inside the text block (a table's next cell) stays a space.
 */
function joinRowItems(items: PlacedText[], rightEdge: number): string {
  const ordered = [...items].sort((a, b) => a.x - b.x);
  const gapBefore = ordered.map((item, index) => {
    const previous = ordered[index - 1];
    return previous === undefined ? 0 : item.x - (previous.x + previous.width);
  });
  const wide = (index: number) => (gapBefore[index] ?? 0) > 1.5 * sizeOf(ordered[index]);
  // Only the last wide gap can open a right-aligned field, and only when the row reaches the edge.
  const lastWide = gapBefore.findLastIndex((_, index) => wide(index));
  const rowEnd = extentOf(ordered).end;
  const fieldAt = lastWide > 0 && rowEnd >= rightEdge - sizeOf(ordered[lastWide]) ? lastWide : -1;
  let text = ordered[0]?.opensItem ? "- " : "";
  for (const [index, item] of ordered.entries()) {
    if (index === 0 || (gapBefore[index] ?? 0) < 0.15 * sizeOf(item)) text += item.text;
    else text += `${index === fieldAt ? "\t" : " "}${item.text}`;
  }
  return text;
}

/** Leftmost start and rightmost end; a loop, as a page may hold more items than a call takes arguments. */
function extentOf(items: PlacedText[]): Gap {
  return items.reduce(
    (extent, item) => ({
      start: Math.min(extent.start, item.x),
      end: Math.max(extent.end, item.x + item.width),
    }),
    { start: Number.POSITIVE_INFINITY, end: Number.NEGATIVE_INFINITY },
  );
}

function medianSize(rows: Row[]): number {
  const sizes = rows.map((row) => row.size).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 10;
}

/** The size most of the text is set in: the longest item's. */
function sizeOfText(items: PlacedText[]): number {
  return sizeOf(items.reduce((longest, item) => (item.text.length > longest.text.length ? item : longest)));
}

function sizeOf(item: PlacedText | undefined): number {
  return item?.size || 10;
}
