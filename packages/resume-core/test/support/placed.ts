import { type PlacedText, pageLines } from "../../src/pdf-layout.ts";

/** Text as a PDF places it: 5 points per character at size 10, the way a text item reports its width. */
export function placed(
  text: string,
  x: number,
  baseline: number,
  extra: Partial<PlacedText> = {},
): PlacedText {
  const size = extra.size ?? 10;
  return { text, x, baseline, width: text.length * size * 0.5, size, font: "Regular", ...extra };
}

/** A page's lines as text. */
export const linesOf = (items: PlacedText[], options: { listsMarked?: boolean } = {}) =>
  pageLines(items, options).map((line) => line.text);
