/**
 * The one tokenizer behind skill detection, job keywords and matching. Skill names and text go
 * through the same function, so "Node.js", "C++", "C#", ".NET" and "CI/CD" compare as single
 * tokens and a phrase matches only on whole-token boundaries ("Java" never inside "JavaScript").
 */

export interface Token {
  /** Lowercased form used for lookups. */
  norm: string;
  /** The token as written, with surrounding punctuation removed (for case-sensitive names). */
  raw: string;
  /** The elided article written before it ("d'" of "tests d'utilisabilité"), kept for how a name reads. */
  elided?: string;
  /** Written with a hyphen that leaves its last part to a later word ("Gesundheits-" of "Gesundheits- und Krankenpfleger"). */
  suspended?: true;
}

/** Separators: whitespace and punctuation that never belongs inside a skill name. */
const tokenPattern = /[^\s,;:()[\]{}|"“”‘’<>!?•·…=]+/gu;
/**
 * A French elided article or pronoun written with a straight apostrophe ("l'A/B testing",
 * "d'Excel", "qu'Airflow"): not part of the word, as it is not after a typographic one (a separator).
 */
const elision = /^(?:[cdjlmnst]|qu)'(?=\p{L})/iu;
/** Punctuation trimmed from token ends; "+" and "#" stay (C++, C#), so do inner "." "/" "-" "&". */
const leadingJunk = /^[.'`*~_\-/]+/u;
/** The lookbehind tries a trailing run only from its first character: one scan of a long run. */
const trailingJunk = /(?<![.'`*~_\-/])[.'`*~_\-/]+$/u;
/** ".NET", ".js": a leading dot that starts a short word is part of the name. */
const dottedWord = /^\.[a-z]{2,4}$/iu;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const elided = elision.exec(match[0])?.[0];
    const raw = trimToken(elided === undefined ? match[0] : match[0].slice(elided.length));
    if (raw === "") continue;
    const token: Token = { norm: raw.toLowerCase(), raw };
    if (elided !== undefined) token.elided = elided;
    if (SUSPENDED.test(match[0])) token.suspended = true;
    tokens.push(token);
  }
  return tokens;
}

/** A word ending in a hyphen after a letter: "Gesundheits-", "Elektro-". */
const SUSPENDED = /\p{L}-$/u;

const JUNK = new Set([".", "'", "`", "*", "~", "_", "-", "/"]);

function trimToken(token: string): string {
  // Most tokens are plain words; skip the regular expressions for them.
  if (!JUNK.has(token[0] ?? "") && !JUNK.has(token[token.length - 1] ?? "")) return token;
  const withoutTrailing = token.replace(trailingJunk, "");
  if (dottedWord.test(withoutTrailing)) return withoutTrailing;
  return withoutTrailing.replace(leadingJunk, "");
}

/** The lookup key of a phrase: its lowercased tokens joined by single spaces. */
export function phraseKey(phrase: string): string {
  return tokenize(phrase)
    .map((token) => token.norm)
    .join(" ");
}

/**
 * Splits "Docker-based" or "HTML/CSS" into parts for a second look when the whole token is not a
 * known phrase. Parts shorter than two characters are dropped so "C-suite" does not yield "C".
 */
export function compoundParts(token: Token): Token[] {
  if (!/[-/]/u.test(token.raw)) return [];
  return token.raw
    .split(/[-/]/u)
    .filter((part) => part.length >= 2)
    .map((part) => ({ norm: part.toLowerCase(), raw: part }));
}
