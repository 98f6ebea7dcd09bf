import { HEADINGS, INLINE_HEADINGS, type SectionKind } from "./section-headings.ts";
import type { ExperienceKind } from "./types.ts";

/** Recognizing resume section headings, by the lexicon in section-headings.ts or by their mark. */

export type { SectionKind } from "./section-headings.ts";

const kindByHeading = new Map<string, SectionKind>(
  (Object.entries(HEADINGS) as [SectionKind, string[]][]).flatMap(([kind, headings]) =>
    headings.map((heading): [string, SectionKind] => [headingKey(heading), kind]),
  ),
);

/** Letter-spaced headings ("E X P E R I E N C E") lose their word gaps; look them up without spaces. */
const headingByCompactForm = new Map<string, string>(
  [...kindByHeading.keys()].map((key) => [key.replace(/ /g, ""), key]),
);
const letterSpaced = /^(?:\p{Lu} )+\p{Lu}$/u;

export interface Heading {
  kind: SectionKind;
  /** For an experience section of volunteer or campus roles, their kind. */
  entryKind?: ExperienceKind;
  /** The heading for display ("Licenses & Certifications"), used to key other sections. */
  title: string;
  /** Content written after "Heading:" on the same line. */
  inlineContent?: string;
}

const MARKED_HEADING = /^#{1,6} +(\S.*)$/u;

/**
 * A heading marked as one ("# Where I've worked": a Markdown heading, or a PDF line set in the
 * headings' size): the words of a known section give its kind, any other words head a section of
 * their own.
 */
export function markedHeading(line: string): Heading | undefined {
  const words = MARKED_HEADING.exec(line)?.[1];
  if (words === undefined) return undefined;
  const known = recognizeHeading(words);
  return known?.inlineContent === undefined && known ? known : { kind: "other", title: displayTitle(words) };
}

/** A marked heading's words without the mark. */
export function unmarked(line: string): string {
  return MARKED_HEADING.exec(line)?.[1] ?? line;
}

const VOLUNTEER_WORDS = /volunt|communit|ehrenamt|bénévol|associatif/u;
const CAMPUS_WORDS = /campus|involvement|extracurricular|student|activities/u;

function entryKindOf(kind: SectionKind, key: string): ExperienceKind | undefined {
  if (kind !== "experience") return undefined;
  if (VOLUNTEER_WORDS.test(key)) return "volunteer";
  return CAMPUS_WORDS.test(key) ? "campus" : undefined;
}

function headingOf(kind: SectionKind, key: string, title: string, inlineContent?: string): Heading {
  const entryKind = entryKindOf(kind, key);
  return {
    kind,
    title,
    ...(entryKind === undefined ? {} : { entryKind }),
    ...(inlineContent === undefined ? {} : { inlineContent }),
  };
}

/** Recognizes a section heading line, or returns undefined for any other line. */
export function recognizeHeading(line: string): Heading | undefined {
  if (line.startsWith("- ") || line.length > 80) return undefined;
  // Most lines are sentences: longer than any heading, with no "Heading:" label to open them.
  if (wordsOver(line, MAX_HEADING_WORDS) && !line.slice(0, MAX_LABEL_CHARS + 1).includes(":"))
    return undefined;
  const whole = kindByHeading.get(headingKey(line));
  if (whole) return headingOf(whole, headingKey(line), displayTitle(line));
  const spaced = line.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  const compact = letterSpaced.test(spaced)
    ? headingByCompactForm.get(spaced.replace(/ /g, "").toLowerCase())
    : undefined;
  const compactKind = compact === undefined ? undefined : kindByHeading.get(compact);
  if (compact !== undefined && compactKind)
    return headingOf(compactKind, compact, displayTitle(compact.toUpperCase()));

  const inline = /^([\p{L} &/]{3,40}):\s*(\S.*)$/u.exec(line);
  // (40 is MAX_LABEL_CHARS.)
  const label = inline?.[1];
  if (label && inline[2] && INLINE_HEADINGS.has(headingKey(label))) {
    const kind = kindByHeading.get(headingKey(label));
    if (kind) return headingOf(kind, headingKey(label), displayTitle(label), inline[2]);
  }
  return undefined;
}

/** The lexicon's longest heading has four words; "&", "and" and a dash or two may join them. */
const MAX_HEADING_WORDS = 7;
/** The longest label of an inline heading ("Technical Skills: …"). */
const MAX_LABEL_CHARS = 40;

/**
 * Whether the text has more than `limit` words of two letters or more, counted only as far as
 * needed (the single letters of "E X P E R I E N C E" are one heading's word).
 */
function wordsOver(text: string, limit: number): boolean {
  let words = 0;
  let length = 0;
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length && text.charCodeAt(index) > 32) {
      length++;
      continue;
    }
    if (length >= 2 && ++words > limit) return true;
    length = 0;
  }
  return false;
}

/** "— WORK EXPERIENCE: —", "Skills & Abilities" → their dictionary form. */
function headingKey(line: string): string {
  return line
    .trim()
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function displayTitle(line: string): string {
  const text = line
    .trim()
    .replace(/^[^\p{L}]+|[^\p{L})]+$/gu, "")
    .trim();
  if (text !== text.toUpperCase()) return text;
  // ALL-CAPS headings are styling, not names: show "LICENSES & CERTIFICATIONS" as "Licenses & Certifications".
  return text.toLowerCase().replace(/(^|[\s/&-])(\p{L})/gu, (_, before: string, letter: string) => {
    return before + letter.toUpperCase();
  });
}
