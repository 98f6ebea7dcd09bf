/**
 * Letters a PDF's font gave no Unicode for. Some builders embed fonts whose Unicode map leaves out
 * the ligature glyphs ("fi", "fl"): a text reader gets a control character (the glyph's number, or
 * NUL) in their place, "Certi\u0006ed \u0006nancial analyst, \u0010uent". This module puts the
 * letters back, judging each unmapped glyph by the words it sits in, and drops what is no letter.
 */

/** C0 controls other than tab and line ends, and the replacement character. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const UNMAPPED = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFD]/u;
const UNMAPPED_ALL = new RegExp(UNMAPPED.source, "gu");
const LIGATURES = ["fi", "fl", "ff", "ffi", "ffl"] as const;
type Ligature = (typeof LIGATURES)[number];
/** After "fl" come these; after "fi" rarely ("fluent", "workflow", "flat", "fly"). */
const AFTER_FL = new Set(["u", "o", "a", "y"]);
/** Past this share of the letters, the font is not missing ligatures but unreadable: no guessing. */
const MAX_UNMAPPED_SHARE = 0.2;

export interface FontText {
  text: string;
  /** The font the text is set in: one glyph number means one glyph only within its font. */
  font?: string;
}

/** The texts with unmapped ligatures as letters and any other unmapped glyph removed. */
export function recoverUnmappedGlyphs<T extends FontText>(items: T[]): T[] {
  if (!items.some((item) => UNMAPPED.test(item.text))) return items;
  const letters = items.reduce((count, item) => count + (item.text.match(/\p{L}/gu)?.length ?? 0), 0);
  const unmapped = items.reduce((count, item) => count + (item.text.match(UNMAPPED_ALL)?.length ?? 0), 0);
  if (unmapped > MAX_UNMAPPED_SHARE * letters) {
    return items.map((item) => ({ ...item, text: item.text.replace(UNMAPPED_ALL, "") }));
  }
  const vocabulary = wordsOf(items);
  const votes = new Map<string, Map<Ligature | "", number>>();
  const keyOf = (item: T, char: string, index: number, at: number) =>
    // NUL and U+FFFD stand for many glyphs: each is judged on its own.
    char === "\u0000" || char === "\uFFFD" ? `${index}:${at}` : `${item.font ?? ""}:${char}`;
  for (const [index, item] of items.entries()) {
    for (const match of item.text.matchAll(UNMAPPED_ALL)) {
      const key = keyOf(item, match[0], index, match.index);
      const tally = votes.get(key) ?? new Map<Ligature | "", number>();
      for (const [reading, weight] of readings(item.text, match.index, vocabulary)) {
        tally.set(reading, (tally.get(reading) ?? 0) + weight);
      }
      votes.set(key, tally);
    }
  }
  const chosen = new Map([...votes].map(([key, tally]) => [key, winner(tally)]));
  return items.map((item, index) =>
    UNMAPPED.test(item.text)
      ? {
          ...item,
          text: item.text.replace(
            UNMAPPED_ALL,
            (char, at: number) => chosen.get(keyOf(item, char, index, at)) ?? "",
          ),
        }
      : item,
  );
}

/** Lower-case words of the text that reads well: a ligature's word is often written out elsewhere. */
function wordsOf(items: FontText[]): Set<string> {
  const words = new Set<string>();
  for (const item of items) {
    if (UNMAPPED.test(item.text)) continue;
    for (const word of item.text.toLowerCase().match(/\p{L}+/gu) ?? []) words.add(word);
  }
  return words;
}

/**
 * What an unmapped glyph at `at` may read as, with weights: a ligature that makes a word the
 * document writes out elsewhere weighs most; otherwise the next letter tells "fl" from "fi"; with
 * no letter beside it, the glyph is no letter.
 */
function readings(text: string, at: number, vocabulary: Set<string>): Array<[Ligature | "", number]> {
  const before = /\p{L}*$/u.exec(text.slice(0, at))?.[0] ?? "";
  const after = /^\p{L}*/u.exec(text.slice(at + 1))?.[0] ?? "";
  if (before === "" && after === "") return [["", 1]];
  const known = LIGATURES.filter((ligature) => vocabulary.has(`${before}${ligature}${after}`.toLowerCase()));
  if (known.length > 0) return known.map((ligature) => [ligature, 3]);
  const next = after.charAt(0).toLowerCase();
  return [[AFTER_FL.has(next) ? "fl" : "fi", 1]];
}

function winner(tally: Map<Ligature | "", number>): Ligature | "" {
  let best: Ligature | "" = "";
  let most = 0;
  for (const [reading, weight] of tally) {
    if (weight > most) {
      best = reading;
      most = weight;
    }
  }
  return best;
}
