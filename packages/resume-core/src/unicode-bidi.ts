import { createRequire } from "node:module";
import type { Bidi } from "bidi-js";

/**
 * The Unicode Bidirectional Algorithm (bidi-js). The package is CommonJS and exports its factory
 * as the module itself, which its type declarations call a default export, so it is required.
 */
const createBidi = createRequire(import.meta.url)("bidi-js") as () => Bidi;
export const bidi = createBidi();

/** A letter of a script written right to left: Hebrew, Arabic, Syriac, Thaana, N'Ko and their forms. */
export const RIGHT_TO_LEFT_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/u;

/**
 * `items` (one per character of `text`) in the order the algorithm draws them, left to right, for
 * a paragraph running in `base` direction.
 */
export function inDrawingOrder<T>(text: string, items: T[], base: "ltr" | "rtl"): T[] {
  const levels = bidi.getEmbeddingLevels(text, base);
  const ordered = [...items];
  for (const [start = 0, end = -1] of bidi.getReorderSegments(text, levels)) {
    ordered.splice(start, end - start + 1, ...ordered.slice(start, end + 1).reverse());
  }
  return ordered;
}

/** The embedding level of each character of a line in a `base` direction paragraph (odd: right to left). */
export function embeddingLevels(text: string, base: "ltr" | "rtl"): Uint8Array {
  return bidi.getEmbeddingLevels(text, base).levels;
}
