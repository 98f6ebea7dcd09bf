/**
 * Reading order of a PDF page from the positions of its text: rows by baseline (pdf-rows.ts),
 * columns and label tables (pdf-columns.ts), then lines, with wrapped lines joined and headings
 * marked by their size.
 */
import { startsListItem } from "./normalize.ts";
import { type Direction, direction } from "./pdf-bidi.ts";
import { readingBlocks } from "./pdf-columns.ts";
import {
  extentOf,
  type Gap,
  isAddress,
  joinRowItems,
  joinWrapped,
  type PlacedText,
  type Row,
  rowsOf,
} from "./pdf-rows.ts";
import { recognizeHeading } from "./sections.ts";

export type { PlacedText } from "./pdf-rows.ts";

/** Column finding is quadratic in rows at worst; a page past these sizes is read row by row. */
const MAX_ROWS_FOR_COLUMNS = 400;
const MAX_ITEMS_FOR_COLUMNS = 5000;

/** A line of text as set on the page; a blank line (size 0) separates blocks and paragraphs. */
export interface SetLine {
  text: string;
  size: number;
}

const BREAK: SetLine = { text: "", size: 0 };

/** A block of a page's lines, where it stands across the page, and whether it is a column's side. */
export interface PageBlock {
  lines: SetLine[];
  start: number;
  end: number;
  column: boolean;
}

/**
 * The page's text as blocks in reading order. `listsMarked`: the page says where each list item
 * starts (see PlacedText.opensItem), so a line cannot start one unless it says so.
 */
export function pageBlocks(items: PlacedText[], { listsMarked = false } = {}): PageBlock[] {
  const rows = rowsOf(items);
  const blocks =
    rows.length > MAX_ROWS_FOR_COLUMNS || items.length > MAX_ITEMS_FOR_COLUMNS
      ? [{ rows, column: false }]
      : readingBlocks(rows);
  const base = direction(items.map((item) => item.text).join(""));
  return blocks.map(({ rows: blockRows, column }) => ({
    lines: blockLines(blockRows, listsMarked, base),
    ...extentOf(blockRows.flatMap((row) => row.items)),
    column,
  }));
}

/** The page's text as lines in reading order, a blank line between blocks. */
export function pageLines(items: PlacedText[], options: { listsMarked?: boolean } = {}): SetLine[] {
  return joinBlocks(pageBlocks(items, options));
}

function joinBlocks(blocks: PageBlock[]): SetLine[] {
  const lines: SetLine[] = [];
  for (const block of blocks) {
    if (lines.length > 0) lines.push(BREAK);
    lines.push(...block.lines);
  }
  return lines;
}

/**
 * The pages' lines, a column that runs on to the next page read on with itself: the top blocks of
 * a page that stand within a column of the page before (a sidebar's last lines) follow that
 * column's text there, instead of coming after everything of the page before.
 */
export function documentLines(pages: PageBlock[][]): SetLine[][] {
  const ordered: Array<Array<PageBlock & { continues?: boolean }>> = pages.map((blocks) => [...blocks]);
  for (let index = 1; index < ordered.length; index++) {
    const previous = ordered[index - 1] ?? [];
    const columns = (pages[index - 1] ?? []).filter((block) => block.column);
    const page = ordered[index] ?? [];
    while (page.length > 0) {
      const [first] = page;
      const host = columns.find((column) => first !== undefined && within(first, column));
      if (first === undefined || host === undefined) break;
      page.shift();
      // After the column's text and whatever of its continuation was placed already.
      let at = previous.indexOf(host) + 1;
      while (at < previous.length && (previous[at]?.continues ?? false)) at++;
      previous.splice(at, 0, { ...carriedOver(previous[at - 1], first), continues: true });
    }
  }
  return ordered.map(joinBlocks);
}

/**
 * A block continued from the page before: a line left open there ("Registered Behavior
 * Technician (BACB) —"), or a list item this block's first line goes on in lower case, goes on
 * with that line, which opens no list item of its own.
 */
function carriedOver(before: PageBlock | undefined, block: PageBlock): PageBlock {
  const last = before?.lines.at(-1);
  const [first, ...rest] = block.lines;
  if (before === undefined || last === undefined || first === undefined) return block;
  // Left open, or a list item going on in lower case after no sentence's end: "- … a Kotlin
  // date-picker" + "library (3 …)" (a heading over a list, "Projects", goes on with no item).
  const itemGoesOn =
    last.text.startsWith("- ") && /^(?:- )?\p{Ll}/u.test(first.text) && !/[.!?:;]$/u.test(last.text);
  const goesOn = OPEN_ENDING.test(last.text) || itemGoesOn;
  if (!goesOn) return block;
  before.lines = [
    ...before.lines.slice(0, -1),
    { ...last, text: joinWrapped(last.text, first.text.replace(/^- /, "")) },
  ];
  return { ...block, lines: rest };
}

const within = (block: PageBlock, column: PageBlock) =>
  block.start >= column.start - 2 && block.end <= column.end + 2 && block.end - block.start > 0;

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

/**
 * Where a block's lines wrap: the extent of its rows, leaving out rows of one unbreakable word (an
 * email address, a link) that may run on past the edge the other lines wrap at, and a line standing
 * alone that starts left of the edge most rows start at (a headline above a sidebar, set across
 * its gutter).
 */
function wrapExtent(rows: Row[]): Gap {
  const starts = new Map<number, number>();
  for (const row of rows) {
    const start = Math.round(extentOf(row.items).start);
    starts.set(start, (starts.get(start) ?? 0) + 1);
  }
  const [common = 0] = [...starts].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [0, 0]);
  const alone = (index: number) =>
    [rows[index - 1], rows[index + 1]].every(
      (other) =>
        other === undefined || Math.abs(other.baseline - (rows[index]?.baseline ?? 0)) > 1.5 * other.size,
    );
  const inColumn = rows.filter((row, index) => extentOf(row.items).start >= common - 2 || !alone(index));
  const breakable = inColumn.filter(
    (row) => row.items.length > 1 || /\s/u.test(row.items[0]?.text.trim() ?? ""),
  );
  return extentOf((breakable.length > 0 ? breakable : rows).flatMap((row) => row.items));
}

function blockLines(rows: Row[], listsMarked: boolean, base: Direction): SetLine[] {
  const extent = wrapExtent(rows);
  const lines: SetLine[] = [];
  let previous: Line | undefined;
  for (const row of rows) {
    const line = lineOf(row, extent, base);
    const last = lines[lines.length - 1];
    // In a page that marks its list items, a line that opens none goes on with the item above it.
    const inItem = listsMarked && last !== undefined && startsListItem(last.text);
    if (previous && last && wrapsInto(previous, line, extent, listsMarked, inItem)) {
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

function lineOf(row: Row, block: Gap, base: Direction): Line {
  const { start, end } = extentOf(row.items);
  const rightEdge = block.end;
  // A line set against one edge of its block runs from that edge; one that fills it, as the page does.
  const margin = 2 * row.size;
  const lineBase =
    start <= block.start + margin && end < block.end - margin
      ? "ltr"
      : end >= block.end - margin && start > block.start + margin
        ? "rtl"
        : base;
  const first = row.items.reduce((leftmost, item) => (item.x < leftmost.x ? item : leftmost));
  const last = row.items.reduce((rightmost, item) => (item.x > rightmost.x ? item : rightmost));
  const word = first.text.trimStart().split(/\s/u)[0] ?? "";
  return {
    text:
      row.field === undefined
        ? joinRowItems(row.items, rightEdge, lineBase)
        : `${joinRowItems(row.items, rightEdge, lineBase)}\t${row.field}`,
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
const OPEN_ENDING =
  /(?:[,&/–—-]|(?<!\p{L})(?:and|or|of|for|in|at|to|with|on|by|from|the|a|an|und|oder|für|der|die|das|dem|den|von|mit|im|zur|zum|et|ou|de|des|du|la|le|les|au|aux|y|o|el|los|las|al|del|en|con|por|para|do|da))$/u;

/**
 * Whether the next line continues this one because the text wrapped: same font and size, the next line
 * right below, starting at the same edge or a hanging indent, not a new list item, and either its
 * first word would not have fitted at the end of this line (which must not stop far short: the
 * block is only as wide as its longest line, and unless the page marks its list items, a capital
 * may open the next item of a list drawn without markers), or this line leaves its phrase or a
 * parenthesis open.
 */
function wrapsInto(line: Line, next: Line, block: Gap, listsMarked: boolean, inItem: boolean): boolean {
  // A line with a field at the right edge ("Diego, CA <tab> Apr 2024 – Present") may go on the
  // line above it, as any other line may.
  if (line.text.includes("\t") || opensListItem(next.text, listsMarked)) return false;
  if (Math.abs(line.size - next.size) > 0.5 || line.lastFont !== next.firstFont) return false;
  if (line.baseline - next.baseline > 1.5 * line.size) return false;
  if (next.start < line.start - 1 || next.start > line.start + 2 * line.size) return false;
  if (OPEN_ENDING.test(line.text) || opensParenthesis(line.text) || inItem) return true;
  // An email address or a link on a line of its own is a contact line, not a wrapped word.
  if (isAddress(next.text)) return false;
  // A line that runs on past the edge the others wrap at (an email address) did not wrap, and
  // one that does so next is a word of its own (a link under a name), not a wrapped word.
  if (line.end > block.end + 1 || next.end > block.end + 1) return false;
  // A capital after a line that stops short may open the next item of a list drawn without markers.
  const fill = (line.end - line.start) / (block.end - block.start);
  const full = fill >= (!listsMarked && /^\p{Lu}/u.test(next.text) ? 0.85 : 0.4);
  const noRoom = line.end + 0.25 * line.size + next.firstWord > block.end;
  return full && noRoom;
}

/**
 * A page that marks its list items draws their bullets, so there a dash opening a line is the
 * text's own ("– berufsbegleitend, Abschluss 2027", the rest of a wrapped line).
 */
function opensListItem(text: string, listsMarked: boolean): boolean {
  return startsListItem(text) && !(listsMarked && /^[–—]/u.test(text));
}

function opensParenthesis(text: string): boolean {
  return text.lastIndexOf("(") > text.lastIndexOf(")");
}
