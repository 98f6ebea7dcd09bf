/**
 * Columns on a page: where a gutter of white space runs down a band of rows (a sidebar beside the
 * main column, two columns of text), each side of it is read whole, one after the other, instead of
 * row by row across the page. Rows whose two sides line up row for row (a title with its dates at
 * the right edge, a table of labelled cells) are fields of one line, not columns, and stay rows.
 */
import {
  extentOf,
  type Gap,
  isAddress,
  joinRowItems,
  joinWrapped,
  medianSize,
  type PlacedText,
  type Row,
  sizeOfText,
} from "./pdf-rows.ts";

/** A column holds at least this many rows; fewer is a field beside a line, not a column. */
const MIN_COLUMN_ROWS = 3;
/** Rows aligned to the other side's rows in this share or more are one table, not two columns. */
const TABLE_ALIGNMENT = 0.75;
/**
 * Splits rows into blocks read one after another. From each row downwards, the longest band of
 * rows that keeps a gutter open is a candidate; if its sides are columns, the rows above it are a
 * block, and each side is read as blocks of its own (a column may hold columns).
 */
export function readingBlocks(rows: Row[]): ReadingBlock[] {
  const extent = extentOf(rows.flatMap((row) => row.items));
  const minGutter = Math.max(6, medianSize(rows));
  const blocks: ReadingBlock[] = [];
  const column = (block: ReadingBlock) => ({ rows: block.rows, column: true });
  let start = 0;
  let from = 0;
  while (from < rows.length) {
    const band = columnBand(rows, from, extent, minGutter);
    if (band === undefined) {
      from++;
      continue;
    }
    if (from > start) blocks.push({ rows: rows.slice(start, from), column: false });
    if (band.kind === "columns")
      blocks.push(...readingBlocks(band.left).map(column), ...readingBlocks(band.right).map(column));
    else blocks.push({ rows: band.rows, column: false });
    start = from = band.end;
  }
  if (start < rows.length) blocks.push({ rows: rows.slice(start), column: false });
  return blocks;
}

/** Rows read as one, and whether they are one side of columns (a sidebar, a main column). */
export interface ReadingBlock {
  rows: Row[];
  column: boolean;
}

type Band =
  | { kind: "columns"; end: number; left: Row[]; right: Row[] }
  | { kind: "labels"; end: number; rows: Row[] };

function columnBand(rows: Row[], from: number, extent: Gap, minGutter: number): Band | undefined {
  let gaps: Gap[] = [extent];
  let end = from;
  while (end < rows.length) {
    let open = gaps;
    const row = rows[end];
    for (const item of spanning(row?.items ?? [], minGutter))
      open = open.flatMap((gap) => without(gap, item));
    open = open.filter((gap) => gap.end - gap.start >= minGutter);
    // Where a row would close the band's last gutters, a link a few letters too long for its
    // sidebar that only runs a little way into one leaves it open.
    if (open.length === 0 && row) open = gaps.filter((gap) => onlyRunInto(gap, row));
    if (open.length === 0) break;
    gaps = open;
    end++;
  }
  if (end - from < MIN_COLUMN_ROWS) return undefined;
  const band = rows.slice(from, end);
  const gutters = gaps
    .filter((gap) => gap.start > extent.start && gap.end < extent.end)
    .sort((a, b) => b.end - b.start - (a.end - a.start));
  const splits = gutters.map((gutter) => ({ gutter, ...splitAt(band, gutter) }));
  const columns = splits.find(isColumns);
  if (columns) return { kind: "columns", end, left: columns.left, right: columns.right };
  // No gutter makes columns here, so a side set row for row against the other may label it.
  const labels = splits.find(isLabelColumn);
  return labels && { kind: "labels", end, rows: withLabelFields(band, labels.gutter, labels) };
}

/**
 * Of two sides that are not columns (see isColumns), a table whose narrow side labels the rows of
 * the other ("06/2021 – Present" beside a role's title, company and bullets): the narrow side is
 * set row for row against the other, in cells of a few lines, and the other has several rows for
 * each of its rows.
 */
function isLabelColumn({ left, right }: { left: Row[]; right: Row[] }): boolean {
  if (left.length === 0 || right.length === 0) return false;
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

/**
 * The items of a row that hold their place: not one that runs on under the next item, nor an
 * address that ends closer to the next item than a gutter is wide or ends its row (an email address
 * too long for its sidebar, drawn on up to the main column's edge or past it). That item still
 * reads on its own side, by where it starts; it closes no gutter.
 */
function spanning(items: PlacedText[], minGutter: number): PlacedText[] {
  const sorted = [...items].sort((a, b) => a.x - b.x);
  return sorted.filter((item, index) => {
    const next = sorted[index + 1];
    // An address cannot wrap: with nothing after it, it may run on past its column's edge.
    if (next === undefined) return !isAddress(item.text);
    const room = next.x - (item.x + item.width);
    return room >= -OVERLAP_TOLERANCE && (room >= minGutter || !isAddress(item.text));
  });
}

/**
 * Whether the one item of a row that covers any of a gap only runs into it: a word that cannot
 * wrap (text that can, wraps before the gutter), starting left of the gap and ending within an em
 * past it, with nothing else on the row starting before that end.
 */
function onlyRunInto(gap: Gap, row: Row): boolean {
  const covering = row.items.filter((item) => item.x < gap.end && item.x + item.width > gap.start);
  const item = covering[0];
  if (covering.length !== 1 || item === undefined || /\s/u.test(item.text.trim())) return false;
  const itemEnd = item.x + item.width;
  const reach = itemEnd + 0.25 * row.size;
  return (
    item.x < gap.start &&
    itemEnd <= gap.end + row.size &&
    !row.items.some((other) => other !== item && other.x >= gap.start && other.x < reach)
  );
}

function widthOf(rows: Row[]): number {
  const { start, end } = extentOf(rows.flatMap((row) => row.items));
  return end - start;
}

/** Kerning lets neighbouring items touch or overlap by a fraction of a point. */
const OVERLAP_TOLERANCE = 1;

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
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  // A column's last lines run on to the next page beside a sidebar that goes on there: two lines
  // beside a long column are a column too.
  const fewest = longer.length >= 2 * MIN_COLUMN_ROWS ? MIN_COLUMN_ROWS - 1 : MIN_COLUMN_ROWS;
  if (shorter.length < fewest) return false;
  // A main column's last lines at the top of a page beside the sidebar that runs on there start at
  // the same margin and pitch as the sidebar's, so they line up; a table's label cells are
  // narrower than what they label, and a column's one paragraph, or its few lines beside a sidebar
  // twice as long, are wider than the sidebar.
  const outrun = runsOf(shorter).length === 1 || longer.length >= 2 * shorter.length;
  if (outrun && widthOf(shorter) > widthOf(longer)) return true;
  const distances = shorter.map((row) =>
    longer.reduce((nearest, other) => Math.min(nearest, Math.abs(other.baseline - row.baseline)), Infinity),
  );
  const beside = distances.filter((distance, index) => distance <= 0.5 * (shorter[index]?.size ?? 10));
  const aligned = beside.filter((distance) => distance <= 1);
  // Most rows of one side with no row of the other beside them are two flows of text, whatever
  // lines up at the top of a page where both go on from the page before.
  if (beside.length < 0.5 * shorter.length) return true;
  return beside.length === 0 || aligned.length < TABLE_ALIGNMENT * beside.length;
}
