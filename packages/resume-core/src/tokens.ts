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
const separator = /[\s,;:()[\]{}|"“”‘’<>!?•·…=]/u;
/**
 * Whether each UTF-16 code unit is a separator, from the pattern: every separator is one code
 * unit, so text is cut by a table lookup per character rather than a pattern match per word.
 */
const SEPARATORS = Uint8Array.from({ length: 0x10000 }, (_, code) =>
  separator.test(String.fromCharCode(code)) ? 1 : 0,
);
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
  let start = -1;
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length && SEPARATORS[text.charCodeAt(index)] === 0) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      addToken(tokens, text.slice(start, index));
      start = -1;
    }
  }
  return tokens;
}

function addToken(tokens: Token[], word: string): void {
  // Every resume and job is read through here: the patterns run only on words they could match.
  const elided = mayBeElided(word) ? elision.exec(word)?.[0] : undefined;
  const raw = trimToken(elided === undefined ? word : word.slice(elided.length));
  if (raw === "") return;
  const token: Token = { norm: raw.toLowerCase(), raw };
  if (elided !== undefined) token.elided = elided;
  if (word.endsWith("-") && SUSPENDED.test(word)) token.suspended = true;
  tokens.push(token);
}

/** A word ending in a hyphen after a letter: "Gesundheits-", "Elektro-". */
const SUSPENDED = /\p{L}-$/u;

const APOSTROPHE = 39;

/** An elision's apostrophe comes second ("d'", "l'") or third ("qu'"). */
function mayBeElided(word: string): boolean {
  return word.charCodeAt(1) === APOSTROPHE || word.charCodeAt(2) === APOSTROPHE;
}

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
  if (!token.raw.includes("-") && !token.raw.includes("/")) return [];
  return token.raw
    .split(/[-/]/u)
    .filter((part) => part.length >= 2)
    .map((part) => ({ norm: part.toLowerCase(), raw: part }));
}
