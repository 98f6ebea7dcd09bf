import { bidi, inDrawingOrder, RIGHT_TO_LEFT_LETTER } from "./unicode-bidi.ts";

/**
 * Right-to-left text read from a PDF. pdf.js gives each text item in reading order (it runs the
 * Unicode Bidirectional Algorithm on it), but items come in drawing order, left to right, and Arabic
 * that a writer mapped to the shapes it drew (a browser does) stays in drawing order inside its
 * item, as presentation forms ("ﻲﻠﻋ ﺪﻤﺤﻣ" for "محمد علي"), because pdf.js does not count those as
 * right-to-left. Both are put in reading order here with bidi-js.
 */
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFC]/u;
const PRESENTATION_RUN = /[\uFB50-\uFDFF\uFE70-\uFEFC]+/gu;
const RIGHT_TO_LEFT = new RegExp(RIGHT_TO_LEFT_LETTER.source, "gu");
const LEFT_TO_RIGHT = /[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/gu;
const DIGIT = /\p{Nd}/u;

function count(text: string, letters: RegExp): number {
  return text.match(letters)?.length ?? 0;
}

export type Direction = "rtl" | "ltr";

/** The direction most of a text's letters run in: a page's is the one its lines are set in. */
export function direction(text: string): Direction {
  if (!RIGHT_TO_LEFT_LETTER.test(text)) return "ltr";
  return count(text, RIGHT_TO_LEFT) > count(text, LEFT_TO_RIGHT) ? "rtl" : "ltr";
}

/**
 * One item's text in reading order: presentation forms are turned around (reordering is its own
 * inverse for the runs of one line) and back into letters; any other text is returned as it is.
 */
export function itemInReadingOrder(text: string): string {
  if (!PRESENTATION_FORMS.test(text)) return text;
  const levels = bidi.getEmbeddingLevels(text, direction(text));
  return bidi
    .getReorderedString(text, levels)
    .replace(PRESENTATION_RUN, (run: string) => run.normalize("NFKC"));
}

/**
 * A line's pieces (items, and the spaces or tabs set between them), given in drawing order, in
 * reading order for a page set in `base` direction (a Hebrew name in an English resume is a
 * stretch of right-to-left text in a left-to-right line; in a Hebrew resume the line runs right to
 * left). The items themselves are already in reading order, so the algorithm is run on one
 * stand-in character per piece ("א" right to left, "a" left to right, "1" a number, " " anything
 * else) and its reordering applied to the pieces. A line with no right-to-left letter is unchanged.
 */
export function piecesInReadingOrder(pieces: string[], base: Direction): string[] {
  if (!pieces.some((piece) => RIGHT_TO_LEFT_LETTER.test(piece))) return pieces;
  const standIns = pieces
    .map((piece) => {
      const rightToLeft = count(piece, RIGHT_TO_LEFT);
      const leftToRight = count(piece, LEFT_TO_RIGHT);
      if (rightToLeft + leftToRight === 0) return DIGIT.test(piece) ? "1" : " ";
      return rightToLeft > leftToRight ? "\u05D0" : "a";
    })
    .join("");
  return inDrawingOrder(standIns, pieces, base);
}
