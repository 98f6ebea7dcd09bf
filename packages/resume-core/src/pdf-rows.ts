/** Text items of a PDF page grouped into rows by baseline, and a row's items joined into its text. */

import { findDates } from "./dates.ts";
import { type Direction, piecesInReadingOrder } from "./pdf-bidi.ts";

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

export interface Row {
  baseline: number;
  size: number;
  items: PlacedText[];
  /** A label cell's text, read at the end of the row after a tab (see withLabelFields). */
  field?: string;
}

export interface Gap {
  start: number;
  end: number;
}

export function rowsOf(items: PlacedText[]): Row[] {
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

/** A word broken at a hyphen stays one word ("linkedin.com/in/jane-" + "doe"); other lines join with a space. */
export function joinWrapped(text: string, next: string): string {
  return /\p{L}-$/u.test(text) ? `${text}${next}` : `${text} ${next}`;
}

/**
 * A row's items in reading order. Text set against the right edge after a wide gap ("Acme
 * Payments <gap> Chicago, IL", "Senior Engineer <gap> Jan 2021 – Present") is a field of its own,
 * kept apart by a tab; a gap inside the text block (a table's next cell) stays a space.
 */
export function joinRowItems(items: PlacedText[], rightEdge: number, base: Direction = "ltr"): string {
  const ordered = [...items].sort((a, b) => a.x - b.x);
  const gapBefore = ordered.map((item, index) => {
    const previous = ordered[index - 1];
    return previous === undefined ? 0 : item.x - (previous.x + previous.width);
  });
  const wide = (index: number) => (gapBefore[index] ?? 0) > 1.5 * sizeOf(ordered[index]);
  // Only the last wide gap can open a right-aligned field, and only when the row reaches the edge.
  const lastWide = gapBefore.findLastIndex((_, index) => wide(index));
  const rowEnd = extentOf(ordered).end;
  // A range of dates at the edge is a field however close the text beside it runs: text wrapped
  // around dates floated to the right ("… acute, chronic" + "Jan 2020 – Present").
  const lastIndex = ordered.length - 1;
  const datesAtEdge = lastIndex > 0 && isDateRange(ordered[lastIndex]?.text ?? "") ? lastIndex : -1;
  const fieldAt =
    lastWide > 0 && rowEnd >= rightEdge - sizeOf(ordered[lastWide])
      ? lastWide
      : rowEnd >= rightEdge - sizeOf(ordered[lastIndex])
        ? datesAtEdge
        : -1;
  const pieces: string[] = [];
  for (const [index, item] of ordered.entries()) {
    if (index !== 0 && (index === fieldAt || (gapBefore[index] ?? 0) >= 0.1 * sizeOf(item))) {
      pieces.push(index === fieldAt ? "\t" : " ");
    }
    pieces.push(unspaced(item.text));
  }
  return `${ordered[0]?.opensItem ? "- " : ""}${piecesInReadingOrder(pieces, base).join("")}`;
}

/** An item that is one range of dates and nothing else: "Jan 2020 – Present", "2019 – 2021". */
function isDateRange(text: string): boolean {
  const dates = findDates(text);
  return dates?.isRange === true && dates.matched.trim() === text.trim();
}

/** A word set letter-spaced ("J O H N", "E X P E R I E N C E") comes as one item per word: its letters. */
const LETTER_SPACED = /^(?:\p{L} ){2,}\p{L}$/u;

function unspaced(text: string): string {
  return LETTER_SPACED.test(text) ? text.replaceAll(" ", "") : text;
}

/** Leftmost start and rightmost end; a loop, as a page may hold more items than a call takes arguments. */
export function extentOf(items: PlacedText[]): Gap {
  return items.reduce(
    (extent, item) => ({
      start: Math.min(extent.start, item.x),
      end: Math.max(extent.end, item.x + item.width),
    }),
    { start: Number.POSITIVE_INFINITY, end: Number.NEGATIVE_INFINITY },
  );
}

export function medianSize(rows: Row[]): number {
  const sizes = rows.map((row) => row.size).sort((a, b) => a - b);
  return sizes[Math.floor(sizes.length / 2)] ?? 10;
}

/** The size most of the text is set in: the longest item's. */
export function sizeOfText(items: PlacedText[]): number {
  return sizeOf(items.reduce((longest, item) => (item.text.length > longest.text.length ? item : longest)));
}

export function sizeOf(item: PlacedText | undefined): number {
  return item?.size || 10;
}

/** "dana@example.com", "github.com/dana", "https://dana.dev/work": one word that is an address. */
const LINK_OR_EMAIL =
  /^(?:[^\s@]+@[^\s@]+\.\p{L}{2,}|(?:https?:\/\/)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}\/\S*)$/u;

export function isAddress(text: string): boolean {
  return LINK_OR_EMAIL.test(text.trim());
}
