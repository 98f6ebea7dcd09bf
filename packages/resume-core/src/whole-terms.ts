import { sequencesIn } from "./substrings.ts";
import { escapeRegExp, foldCase } from "./terms.ts";

/**
 * Which of `terms` containsTerm finds in `text`, in one pass over the text rather than one per
 * term. Text and terms are cut into the same symbols: each character in its case-insensitive
 * form, each run of whitespace as one space, and between two characters a mark where a term may
 * end (the next character is no letter or digit) and one where a term may start (the previous
 * one is none). A term, written with the marks it has to start and end on, then occurs among the
 * text's symbols exactly where containsTerm's pattern matches.
 */
export function wholeTermsIn(text: string, terms: Iterable<string>): Set<string> {
  const list = [...terms].filter((term) => foldCase(term) !== "");
  const bounded = (value: string) => [MAY_START, ...symbolsOf(value), MAY_END];
  const occurs = sequencesIn(
    bounded(text.normalize("NFKC")),
    list.map((term) => bounded(foldCase(term))),
  );
  return new Set(list.filter((_, index) => occurs[index]));
}

/** Symbols past the last code point, so no character is mistaken for one. */
const SPACE = 0x110000;
const MAY_END = 0x110001;
const MAY_START = 0x110002;

const whitespace = /\s/u;
/** Case-insensitive like the pattern's lookarounds, which count the iota subscript (U+0345) as a letter. */
const letterOrDigit = /[\p{L}\p{N}]/iu;

function symbolsOf(value: string): number[] {
  const symbols: number[] = [];
  let previous: "word" | "space" | "other" | undefined;
  for (const char of value) {
    const kind = whitespace.test(char) ? "space" : letterOrDigit.test(char) ? "word" : "other";
    if (kind === "space" && previous === "space") continue;
    if (previous !== undefined) {
      if (kind !== "word") symbols.push(MAY_END);
      if (previous !== "word") symbols.push(MAY_START);
    }
    symbols.push(kind === "space" ? SPACE : caseInsensitiveForm(char));
    previous = kind;
  }
  return symbols;
}

/** The forms of the characters that have another case, found once each. */
const caseForms = new Map<string, number>();

/**
 * One code point for all the characters a case-insensitive pattern treats as equal ("K", "k" and
 * the Kelvin sign; "Σ", "σ" and "ς"). A candidate form is kept only when the pattern engine
 * agrees it is equal to the character, so two characters never share a form unless they match.
 */
function caseInsensitiveForm(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (char.toLowerCase() === char && char.toUpperCase() === char) return code;
  let form = caseForms.get(char);
  if (form === undefined) {
    const equal = (candidate: string) =>
      [...candidate].length === 1 && new RegExp(`^${escapeRegExp(candidate)}$`, "iu").test(char);
    const candidate = [char.toUpperCase().toLowerCase(), char.toLowerCase()].find(equal) ?? char;
    form = candidate.codePointAt(0) ?? code;
    caseForms.set(char, form);
  }
  return form;
}
