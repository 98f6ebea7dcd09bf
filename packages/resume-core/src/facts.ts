/**
 * Dates and numbers found in free text, in a normalized form so that "Jan 2019" equals
 * "January 2019" and "03/2019", and "$1.2M" equals "$1,200,000". Used to prove that a rewritten
 * resume states no date or figure its source does not.
 */

import { ENGLISH_NUMBER_WORDS } from "./number-words.ts";

export interface Fact {
  /** As written, for reports. */
  raw: string;
  /** Normalized value: "2019", "2019-03", "2019-03-15", "percent:30", "money:1200000", "plain:1200". */
  key: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};
const MONTH_NAME = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
const YEAR = "(?:19|20)\\d{2}";
const MONTH_NUMBER = "(?:0?[1-9]|1[0-2])";
const DAY_NUMBER = "(?:0?[1-9]|[12]\\d|3[01])";
const NOT_AFTER = "(?<![\\p{L}\\p{N}])";
const NOT_BEFORE = "(?![\\p{L}\\p{N}]|[.,]\\d|%)";

/** Order matters: the longest forms are tried first at each position by the alternation. */
const DATE_PATTERN = new RegExp(
  [
    `${NOT_AFTER}(?<monthName>${MONTH_NAME})\\.?,?\\s*(?:(?<nameYear>${YEAR})|'(?<shortYear>\\d{2}))${NOT_BEFORE}`,
    `${NOT_AFTER}(?<isoYear>${YEAR})-(?<isoMonth>${MONTH_NUMBER})(?:-(?<isoDay>${DAY_NUMBER}))?${NOT_BEFORE}`,
    `${NOT_AFTER}(?<usMonth>${MONTH_NUMBER})[/.-](?:(?<usDay>${DAY_NUMBER})[/.-])?(?<usYear>${YEAR})${NOT_BEFORE}`,
    `(?<![\\p{L}\\p{N}$€£]|\\d[.,])(?<year>${YEAR})${NOT_BEFORE}`,
  ].join("|"),
  "giu",
);

/** "one" is left out: "one of the …" states no figure. */
const NUMBER_WORDS = ENGLISH_NUMBER_WORDS;
const SCALES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};

const NUMBER_PATTERN = new RegExp(
  "(?<currency>[$€£])?\\s?(?<![\\d]|\\d[.,])(?<digits>\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(?<fraction>\\d+))?" +
    "(?:\\s?(?<percent>%|percent\\b|per cent\\b)|\\s?(?<scale>k|mm|m|bn|b|thousand|million|billion)(?![\\p{L}\\p{N}]))?" +
    `|${NOT_AFTER}(?<word>${Object.keys(NUMBER_WORDS).join("|")})(?![\\p{L}\\p{N}])`,
  "giu",
);

export interface TextFacts {
  dates: Fact[];
  numbers: Fact[];
}

/** Dates first, then numbers in what is left, so "03/2019" is one date, not two numbers. */
export function extractFacts(text: string): TextFacts {
  const { dates, withoutDates } = datesIn(text.normalize("NFKC"));
  const numbers: Fact[] = [];
  for (const match of withoutDates.matchAll(NUMBER_PATTERN)) {
    numbers.push({ raw: match[0].trim(), key: numberKey(match.groups ?? {}) });
  }
  return { dates, numbers };
}

/** The dates in NFKC-normalized text, and the text with each blanked out. */
function datesIn(normalized: string): { dates: Fact[]; withoutDates: string } {
  const dates: Fact[] = [];
  const withoutDates = normalized.replace(DATE_PATTERN, (raw, ...args) => {
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    dates.push({ raw: raw.trim(), key: dateKey(groups) });
    return " ".repeat(raw.length);
  });
  return { dates, withoutDates };
}

/** The normalized date of a single date string such as "Jan 2019" or "Present", for field comparison. */
export function normalizeDateField(value: string | undefined): string {
  const field = (value ?? "").normalize("NFKC").trim();
  if (/^(present|current|now|today|ongoing)$/i.test(field)) return "present";
  // Matching reads every role's dates through here: a date field needs no search for numbers.
  const { dates } = datesIn(field.normalize("NFKC"));
  const [only] = dates;
  if (dates.length === 1 && only !== undefined && field.replace(only.raw, "").replace(/[\s.,]/g, "") === "") {
    return only.key;
  }
  return field.toLowerCase().replace(/\s+/g, " ");
}

function dateKey(groups: Record<string, string | undefined>): string {
  if (groups.monthName !== undefined) {
    const month = MONTHS[groups.monthName.toLowerCase()] ?? 0;
    const year = groups.nameYear ?? expandShortYear(groups.shortYear ?? "");
    return `${year}-${pad(month)}`;
  }
  if (groups.isoYear !== undefined) {
    return [groups.isoYear, pad(Number(groups.isoMonth)), groups.isoDay && pad(Number(groups.isoDay))]
      .filter(Boolean)
      .join("-");
  }
  if (groups.usYear !== undefined) {
    return [groups.usYear, pad(Number(groups.usMonth)), groups.usDay && pad(Number(groups.usDay))]
      .filter(Boolean)
      .join("-");
  }
  return groups.year ?? "";
}

function numberKey(groups: Record<string, string | undefined>): string {
  if (groups.word !== undefined) return `plain:${NUMBER_WORDS[groups.word.toLowerCase()]}`;
  const whole = (groups.digits ?? "").replace(/,/g, "");
  const base = Number(groups.fraction === undefined ? whole : `${whole}.${groups.fraction}`);
  const scale = groups.scale === undefined ? 1 : (SCALES[groups.scale.toLowerCase()] ?? 1);
  const value = Number((base * scale).toPrecision(12));
  if (groups.percent !== undefined) return `percent:${value}`;
  return groups.currency === undefined ? `plain:${value}` : `money:${value}`;
}

function expandShortYear(twoDigits: string): string {
  return Number(twoDigits) < 50 ? `20${twoDigits}` : `19${twoDigits}`;
}

function pad(month: number): string {
  return String(month).padStart(2, "0");
}
