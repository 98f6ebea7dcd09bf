/**
 * The years of experience a job asks for: the first minimum its requirements state ("5+ years",
 * "at least three years", "mindestens zwei Jahre", "al menos tres años"), in English, German,
 * Spanish and French.
 */

import { DURATION_WORDS, ENGLISH_YEARS, MONTHS } from "./durations.ts";
import { EXPERIENCE_WORD, REQUIREMENT_CUE, splitOnPreferenceCue } from "./job-cues.ts";
import type { JobSection } from "./job-sections.ts";
import { sentencesOf } from "./job-sentences.ts";
import { ENGLISH_NUMBER_WORDS } from "./number-words.ts";

const NUMBER_WORDS: Record<string, number> = {
  ...ENGLISH_NUMBER_WORDS,
  one: 1,
  // German, Spanish, French: "mindestens drei Jahre", "al menos tres años", "deux ans"
  ein: 1,
  einem: 1,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  zehn: 10,
  un: 1,
  uno: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  diez: 10,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  dix: 10,
};
const NUMBER = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join("|")})`;
/**
 * "5+ years", "3-5 years", "at least three years", "two or more years", "1+ year", "minimum 2 yrs";
 * not "years old" or "years ago", nor money ("$25 an hour" is no 25 ans).
 */
const yearsPattern = new RegExp(
  `(?<![$€£¥]\\s?)\\b${NUMBER}(?:\\s*(?:-|–|to|bis|a|à)\\s*${NUMBER})?\\s*\\+?\\s*(?:or more\\s+)?(${DURATION_WORDS})(?!\\p{L})(?!\\s+(?:old|ago|alt))`,
  "iu",
);

/** "up to two years" (a most), "over the past two years" (a time gone by): no minimum asked. */
const AT_MOST =
  /(?<!\p{L})(?:up to|no more than|less than|under|at most|maximum|max\.?|bis zu|hasta|jusqu['’]à|(?:the )?(?:past|last|previous))\s*$/iu;

/** The first minimum the requirements state; intro text is read only when they state none. */
export function yearsOfExperience(sections: JobSection[]): number | null {
  // Outside a requirements section only a sentence that asks for something states a minimum ("Our
  // results have gone up four years running" does not).
  const sentences = sections.flatMap((section) =>
    sentencesOf(section).filter((sentence) => section.kind === "required" || REQUIREMENT_CUE.test(sentence)),
  );
  for (const sentence of sentences) {
    const { firm } = splitOnPreferenceCue(sentence);
    const match = yearsPattern.exec(firm);
    const [, value, , unit = ""] = match ?? [];
    if (match === null || value === undefined || AT_MOST.test(firm.slice(0, match.index))) continue;
    // "seit 40 Jahren", "25 años de historia": in other languages, years of the firm unless said of experience.
    if (!ENGLISH_YEARS.test(unit) && !EXPERIENCE_WORD.test(firm)) continue;
    const count = NUMBER_WORDS[value.toLowerCase()] ?? Number(value);
    // "12 months' experience" is a year; a few months are no whole year.
    const months = MONTHS.test(unit);
    if (months && count % 12 !== 0) continue;
    const years = months ? count / 12 : count;
    if (years > 0 && years <= 40) return years;
  }
  return null;
}
