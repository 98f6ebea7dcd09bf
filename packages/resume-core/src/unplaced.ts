import { findDates } from "./dates.ts";
import { isGroupLabel } from "./parse-skills.ts";
import { markedHeading, recognizeHeading } from "./sections.ts";
import { coveredShares, substringsIn } from "./substrings.ts";
import type { ParsedResume } from "./types.ts";

/** Where lines that no field took are kept, so that nothing is dropped silently. */
export const UNPLACED_SECTION = "Other";

/**
 * The lines of the text that no field of the parsed resume holds, in order: neither part of a
 * field's value nor made mostly of field values (a headline under the name, a line between
 * sections that no reader took). Headings are placed by being headings.
 */
export function unplacedLines(resume: Omit<ParsedResume, "text">, text: string): string[] {
  const { contact } = resume;
  const values = [
    contact.name,
    contact.headline,
    contact.email,
    contact.phone,
    contact.location,
    ...contact.links,
    resume.summary,
    ...resume.skills,
    ...resume.experience.flatMap((entry) => [
      entry.title,
      entry.company,
      entry.location,
      entry.startDate,
      entry.endDate,
      ...entry.bullets,
    ]),
    ...resume.education.flatMap((entry) => [
      entry.institution,
      entry.degree,
      entry.startDate,
      entry.endDate,
      ...entry.details,
    ]),
    ...Object.entries(resume.otherSections).flatMap(([heading, items]) => [heading, ...items]),
  ].filter((value): value is string => value !== undefined && value.trim().length >= MIN_VALUE_LENGTH);
  // Most lines are a value as it stands (a bullet, a title): only the others are searched for.
  const whole = new Set(values.map((value) => value.trim()));
  const all = text.split("\n");
  const lines = all
    .map((line, index) => ({ line: line.replace(/^- /, "").replace(/\t/g, " ").trim(), index }))
    // Headings and the labels of skill groups are placed by being what they are.
    .filter(
      ({ line, index }) =>
        line !== "" &&
        !whole.has(line) &&
        markedHeading(all[index] ?? "") === undefined &&
        recognizeHeading(all[index] ?? "") === undefined &&
        !isGroupLabel(all[index] ?? "", all[index + 1]),
    )
    .map(({ line }) => line);
  if (lines.length === 0) return [];
  // Dates are read into the entries they date; a line is judged by its other words ("Built the
  // ledger for a 30-" beside "Apr 2024 – Present", the rest of a bullet that wrapped).
  const undated = lines.map((line) => {
    const dates = findDates(line);
    return dates === undefined ? line : line.replace(dates.matched, " ").replace(/\s+/g, " ").trim();
  });
  // A line of a paragraph that only mentions a year ("… I moved into B2B sales in 2024. In my …") is
  // found in its value as it stands.
  const partOfValue = substringsIn(values.join("\n"), new Set([...lines, ...undated]));
  const open = lines
    .map((line, index) => ({ line, undated: undated[index] ?? "" }))
    .filter(({ line, undated }) => undated !== "" && !partOfValue.has(line) && !partOfValue.has(undated));
  if (open.length === 0) return [];
  // A value longer than every line left (a summary, most bullets) can cover none of them.
  const longest = Math.max(...open.map(({ undated }) => undated.length));
  const covered = coveredShares(
    open.map(({ undated }) => undated),
    values.filter((value) => value.length <= longest),
  );
  return open.filter((_, index) => (covered[index] ?? 0) < PLACED_SHARE).map(({ line }) => line);
}

/** A line made mostly of field values ("Engineer — Acme", "2019 – Present | Chicago") was read. */
const PLACED_SHARE = 0.5;

/** A value this short ("Go", "R") says nothing about where a line went. */
const MIN_VALUE_LENGTH = 2;
