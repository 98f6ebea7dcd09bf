import type { Contact } from "@hireloop/resume-core";

export type PersonalDataKind = "NAME" | "EMAIL" | "PHONE" | "ADDRESS" | "URL";

/** One personal value replaced by a placeholder such as ⟦EMAIL_1⟧. */
export interface Redaction {
  placeholder: string;
  kind: PersonalDataKind;
  value: string;
}

const PLACEHOLDER = /⟦(NAME|EMAIL|PHONE|ADDRESS|URL)_(\d+)⟧/g;
/** Anything shaped like a placeholder, including ones a model made up or mangled. */
const PLACEHOLDER_LIKE = /⟦[^⟧\n]{0,40}⟧/g;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const URL_WITH_SCHEME = /\b(?:https?:\/\/|www\.)[^\s<>()"'|]+/giu;
/** Bare domains only with a path ("github.com/ann"), so "Node.js" or "ASP.NET" are left alone. */
const URL_BARE =
  /\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|me|co|ai|app|design|page|site|tech|xyz|info)\/[^\s<>()"'|]*/gu;
/** Three or more digit groups with separators (dates and ranges have two): checked for ≥ 9 digits. */
const PHONE =
  /(?<![\p{L}\p{N}+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)[\s.-]?|\d{2,4}[\s.-])\d{2,4}[\s.-]\d{3,4}(?![\p{L}\p{N}])/gu;
const MIN_PHONE_DIGITS = 9;
const STREET_SUFFIX =
  "Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Way|Place|Pl|Terrace|Ter|Parkway|Pkwy|Highway|Hwy|Square|Sq|Straße|Strasse";
const STREET_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])\\d{1,6}[A-Za-z]?\\s+(?:[\\p{Lu}\\d][\\p{L}\\d'.-]*\\s+){1,4}(?:${STREET_SUFFIX})(?![\\p{L}])\\.?` +
    "(?:,?\\s*(?:Apt|Apartment|Suite|Ste|Unit|Floor|Fl|#)\\.?\\s*[\\w-]+)?" +
    "(?:,\\s*\\p{Lu}[\\p{L}.'-]*(?:\\s+\\p{Lu}[\\p{L}.'-]*){0,3}){0,2}(?:\\s+\\d{5}(?:-\\d{4})?)?",
  "gu",
);

/**
 * Replaces personal data in what is sent to an external model by stable placeholders and puts it
 * back in the answer. It knows the person's own contact details (so their name is found anywhere,
 * in any case, with or without accents) and finds other emails, phones, street addresses and URLs
 * by shape. The same value always gets the same placeholder within one request, so the model can
 * still refer to it, and placeholders are numbered deterministically (by kind, then position), so
 * equal inputs redact to equal text (the cache relies on that).
 */
export class Redactor {
  private readonly byKey = new Map<string, Redaction>();
  private readonly byPlaceholder = new Map<string, Redaction>();
  private readonly counters: Record<PersonalDataKind, number> = {
    NAME: 0,
    EMAIL: 0,
    PHONE: 0,
    ADDRESS: 0,
    URL: 0,
  };
  private readonly passes: { kind: PersonalDataKind; pattern: RegExp; accept?: (match: string) => boolean }[];

  constructor(contact?: Contact) {
    const literal = (values: (string | undefined)[]) =>
      values
        .map((value) => value?.trim() ?? "")
        .filter((value) => value.length >= 2)
        .sort((a, b) => b.length - a.length)
        .map(loosePattern);
    const names = contact ? nameVariants(contact.name) : [];
    const passes: Redactor["passes"] = [
      ...literal([contact?.email]).map((pattern) => ({ kind: "EMAIL" as const, pattern })),
      { kind: "EMAIL", pattern: EMAIL },
      ...literal(contact?.links ?? []).map((pattern) => ({ kind: "URL" as const, pattern })),
      { kind: "URL", pattern: URL_WITH_SCHEME },
      { kind: "URL", pattern: URL_BARE },
      ...literal([contact?.phone]).map((pattern) => ({ kind: "PHONE" as const, pattern })),
      {
        kind: "PHONE",
        pattern: PHONE,
        accept: (match) => match.replace(/\D/g, "").length >= MIN_PHONE_DIGITS,
      },
      { kind: "ADDRESS", pattern: STREET_ADDRESS },
      ...literal([contact?.location]).map((pattern) => ({ kind: "ADDRESS" as const, pattern })),
      ...literal(names).map((pattern) => ({ kind: "NAME" as const, pattern })),
    ];
    this.passes = passes;
  }

  /** Every value replaced so far, in order of first appearance. */
  get redactions(): Redaction[] {
    return [...this.byPlaceholder.values()];
  }

  redact(text: string): string {
    // Text that already looks like a placeholder must not be mistaken for one on the way back.
    let result = text.replace(/⟦/g, "[").replace(/⟧/g, "]");
    for (const { kind, pattern, accept } of this.passes) {
      result = result.replace(pattern, (match) => {
        const value = trimTrailingPunctuation(match);
        if (value === "" || (accept && !accept(value))) return match;
        return this.placeholderFor(kind, value) + match.slice(value.length);
      });
    }
    return result;
  }

  restore(text: string): string {
    return text.replace(
      PLACEHOLDER,
      (placeholder) => this.byPlaceholder.get(placeholder)?.value ?? placeholder,
    );
  }

  /** Placeholder-like tokens left after restoring: a model that invented or mangled one. */
  leftovers(text: string): string[] {
    return [...text.matchAll(PLACEHOLDER_LIKE)].map((match) => match[0]);
  }

  private placeholderFor(kind: PersonalDataKind, value: string): string {
    const key = `${kind}:${foldForMatch(kind === "PHONE" ? value.replace(/\D/g, "") : value)}`;
    const known = this.byKey.get(key);
    if (known) return known.placeholder;
    this.counters[kind] += 1;
    const redaction = { placeholder: `⟦${kind}_${this.counters[kind]}⟧`, kind, value };
    this.byKey.set(key, redaction);
    this.byPlaceholder.set(redaction.placeholder, redaction);
    return redaction.placeholder;
  }
}

/** Applies a string transform to every string inside a JSON-like value. */
export function mapStrings<T>(value: T, transform: (text: string) => string): T {
  if (typeof value === "string") return transform(value) as T;
  if (Array.isArray(value)) return value.map((item) => mapStrings(item, transform)) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, mapStrings(item, transform)]),
    ) as T;
  }
  return value;
}

/** The full name, and each part of it, so "Dubois" alone in a sentence is found too. */
function nameVariants(fullName: string): string[] {
  const name = fullName.trim();
  if (name === "") return [];
  const parts = name.split(/[\s-]+/).filter((part) => part.replace(/\./g, "").length >= 2);
  const hyphenated = name.split(/\s+/).filter((part) => part.includes("-"));
  return [...new Set([name, ...hyphenated, ...parts])];
}

/** Matches a literal value as a whole word, in any case, with or without its accents. */
function loosePattern(value: string): RegExp {
  const body = [...value]
    .map((char) => {
      const base = char.normalize("NFD").replace(/\p{M}/gu, "");
      const escaped = escapeRegExp(char);
      if (/\s/.test(char)) return "\\s+";
      return base !== char && base !== "" ? `(?:${escaped}|${escapeRegExp(base)})` : escaped;
    })
    .join("");
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, "giu");
}

function foldForMatch(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");
}

function trimTrailingPunctuation(value: string): string {
  return value.replace(/[.,;:!?]+$/, "");
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
