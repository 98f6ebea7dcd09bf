/**
 * Dates as resumes write them: "Jan 2019", "January 2019", "Sept. 2020", "03/2017", "2017-03",
 * "Summer 2018", "2019", and ranges between two of them or up to "Present".
 */
const MONTH =
  "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const YEAR = "(?:19|20)\\d{2}";
const DATE = [
  `${MONTH},?\\s+${YEAR}`,
  `${MONTH}\\s*['’]\\d{2}`,
  `(?:spring|summer|fall|autumn|winter)\\s+${YEAR}`,
  `(?:0?[1-9]|1[0-2])[/.]${YEAR}`,
  `${YEAR}[-/.](?:0[1-9]|1[0-2])(?!\\d)`,
  YEAR,
].join("|");
const OPEN_END = "present|current(?:ly)?|now|today|ongoing|to date|date";
const SEPARATOR = "\\s*(?:-|–|—|to|until|till|through|thru)\\s*";

const rangePattern = new RegExp(
  `(?<![\\p{L}\\d])(${DATE})${SEPARATOR}(${DATE}|${OPEN_END})(?![\\p{L}\\d])`,
  "iu",
);
const sincePattern = new RegExp(`(?<![\\p{L}\\d])(?:since|from)\\s+(${DATE})(?![\\p{L}\\d])`, "iu");
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

/** The calendar year a date as written refers to; "Present" is `currentYear`. */
export function yearOf(date: string | undefined, currentYear: number): number | undefined {
  if (date === undefined) return undefined;
  if (openEndPattern.test(date.trim())) return currentYear;
  const year = yearPattern.exec(date);
  if (year) return Number(year[0]);
  return undefined;
}
