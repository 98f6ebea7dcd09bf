/**
 * Dates as resumes write them, in English, German, French and Spanish: "Jan 2019", "January 2019",
 * "Sept. 2020", "März 2021", "janv. 2020", "enero de 2019", "03/2017", "2017-03", "Summer 2018",
 * "2019", and ranges between two of them or up to "Present" ("heute", "aujourd'hui", "actualidad").
 */
const MONTH_NAMES = [
  // English
  "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?",
  // German
  "januar|jän(?:ner)?|februar|märz|mär|mrz|mai|juni|juli|okt(?:ober)?|dez(?:ember)?",
  // French
  "janv(?:ier)?|f[ée]vr?(?:ier)?|mars|avr(?:il)?|juin|juil(?:let)?|ao[uû]t|sept(?:embre)?|octobre|novembre|d[ée]c(?:embre)?",
  // Spanish
  "ene(?:ro)?|febrero|marzo|abr(?:il)?|mayo|junio|julio|ago(?:sto)?|sept?iembre|set(?:iembre)?|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?",
].join("|");
const MONTH = `(?:${MONTH_NAMES})\\.?`;
const SEASON =
  "spring|summer|fall|autumn|winter|frühjahr|frühling|sommer|herbst|printemps|été|automne|hiver|primavera|verano|otoño|invierno";
const YEAR = "(?:19|20)\\d{2}";
const DATE = [
  `${MONTH},?\\s+(?:de\\s+)?${YEAR}`,
  `${MONTH}\\s*['’]\\d{2}`,
  `(?:${SEASON})\\s+(?:de\\s+)?${YEAR}`,
  `(?:0?[1-9]|1[0-2])[/.]${YEAR}`,
  `${YEAR}[-/.](?:0[1-9]|1[0-2])(?!\\d)`,
  YEAR,
].join("|");
const OPEN_END = [
  "present|current(?:ly)?|now|today|ongoing|to date|date",
  "heute|aktuell|derzeit|laufend",
  "présent|aujourd['’]hui|à ce jour|ce jour|en cours|maintenant",
  "actualidad|actual|presente|la fecha|hoy",
].join("|");
const SEPARATOR = "\\s*(?:-|–|—|to|until|till|through|thru|bis|à|au|a|hasta)\\s*";
const SINCE = "since|from|seit|depuis|desde";

const rangePattern = new RegExp(
  `(?<![\\p{L}\\d])(${DATE})${SEPARATOR}(${DATE}|${OPEN_END})(?![\\p{L}\\d])`,
  "iu",
);
const sincePattern = new RegExp(`(?<![\\p{L}\\d])(?:${SINCE})\\s+(${DATE})(?![\\p{L}\\d])`, "iu");
const singlePattern = new RegExp(`(?<![\\p{L}\\d/])(${DATE})(?![\\p{L}\\d/])`, "iu");
const yearPattern = new RegExp(`${YEAR}`);
const openEndPattern = new RegExp(`^(?:${OPEN_END})$`, "i");

export interface DateMention {
  start?: string;
  end?: string;
  /** True when the mention is a range (or an open "since"), not a single date. */
  isRange: boolean;
  /** The matched text, to remove it from the line. */
  matched: string;
  index: number;
}

/** The first date range in a line, else the first single date. */
export function findDates(line: string): DateMention | undefined {
  const range = rangePattern.exec(line);
  if (range) {
    return { start: range[1], end: range[2], isRange: true, matched: range[0], index: range.index };
  }
  const since = sincePattern.exec(line);
  if (since) return { start: since[1], end: "Present", isRange: true, matched: since[0], index: since.index };
  const single = singlePattern.exec(line);
  if (single) return { end: single[1], isRange: false, matched: single[0], index: single.index };
  return undefined;
}

/** Whether a date as written is an open end: "Present", "heute", "至今". */
export function isOpenEnd(date: string): boolean {
  return openEndPattern.test(date.trim());
}

/** The calendar year a date as written refers to; "Present" is `currentYear`. */
export function yearOf(date: string | undefined, currentYear: number): number | undefined {
  if (date === undefined) return undefined;
  if (isOpenEnd(date)) return currentYear;
  const year = yearPattern.exec(date);
  if (year) return Number(year[0]);
  return undefined;
}
