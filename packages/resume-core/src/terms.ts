/** Case-insensitive, whole-term text matching shared by tailoring and the invention check. */

const LETTER_OR_DIGIT = "[\\p{L}\\p{N}]";

/** Lowercase, collapse whitespace, trim: the form in which names are compared. */
export function foldCase(value: string): string {
  return value.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A regular expression finding `term` as a whole term: not inside a longer word, so "Go" does not
 * match "Google" and "SQL" does not match "PostgreSQL", while "Node.js" and "C++" still match.
 */
export function termPattern(term: string): RegExp {
  const body = foldCase(term).split(" ").map(escapeRegExp).join("\\s+");
  return new RegExp(`(?<!${LETTER_OR_DIGIT})${body}(?!${LETTER_OR_DIGIT})`, "iu");
}

export function containsTerm(text: string, term: string): boolean {
  return termMatcher(term)(text);
}

/** containsTerm for one term and many texts: the pattern is built once, not once per text. */
export function termMatcher(term: string): (text: string) => boolean {
  if (foldCase(term) === "") return () => false;
  const pattern = termPattern(term);
  return (text) => pattern.test(text.normalize("NFKC"));
}

/** Words that end with a period without ending the sentence ("Dr. Lee", "Acme Inc. Boston"). */
const ABBREVIATIONS = new Set([
  "dr",
  "mr",
  "mrs",
  "ms",
  "jr",
  "sr",
  "st",
  "inc",
  "co",
  "corp",
  "ltd",
  "vs",
  "etc",
  "no",
]);

/**
 * How much of the word before a stop is read to tell an initial ("B.") or an abbreviation ("Dr.",
 * at most four letters) from a sentence end: its last few characters decide. Reading the whole
 * sentence so far instead made a long run of initials ("A. B. C. …") quadratic.
 */
const LAST_WORD_REACH = 16;

/**
 * Splits prose into sentences at ".", "!" or "?" followed by a space and a capital letter, except
 * after initials and abbreviations ("B.S. Mathematics", "U.S. Army", "Dr. Lee"); decimals such as
 * "2.1%" never split because no space follows their period.
 */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (const match of text.matchAll(/[.!?]\s+(?=\p{Lu})/gu)) {
    const end = match.index + 1;
    const wordStart = Math.max(start, match.index - LAST_WORD_REACH);
    const lastWord = /([\p{L}.]+)$/u.exec(text.slice(wordStart, match.index))?.[1] ?? "";
    const isInitial = /(^|\.)\p{Lu}$/u.test(lastWord);
    if (isInitial || ABBREVIATIONS.has(lastWord.toLowerCase())) continue;
    sentences.push(text.slice(start, end));
    start = match.index + match[0].length;
  }
  sentences.push(text.slice(start));
  return sentences.map((sentence) => sentence.trim()).filter((sentence) => sentence !== "");
}
