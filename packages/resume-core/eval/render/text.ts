import type { ResumeSource } from "../golden/schema.ts";
import { type DateWriting, labelsOf, type ResumeLabels, writeRange } from "./labels.ts";
import { HEADINGS, monthYearRanges, numericMonth } from "./words.ts";

/** A plain-text resume layout: how it writes headings, entries and dates. */
export interface TextLayout {
  name: string;
  render(source: ResumeSource): { text: string; labels: ResumeLabels };
}

type Headings = (typeof HEADINGS)["en"];

function sections(source: ResumeSource, headings: Headings, entry: (lines: string[]) => void) {
  const out: string[] = [];
  const heading = (word: string) => out.push("", word);
  if (source.summary !== "") {
    heading(headings.summary);
    out.push(source.summary);
  }
  heading(headings.experience);
  entry(out);
  heading(headings.education);
  for (const school of source.education) {
    const dates =
      school.start && school.end ? ` (${school.start.slice(0, 4)}–${school.end.slice(0, 4)})` : "";
    out.push(`${school.degree ? `${school.degree}, ` : ""}${school.institution}${dates}`);
    for (const detail of school.details) out.push(`• ${detail}`);
  }
  heading(headings.skills);
  for (const group of source.skills) {
    out.push(`${group.label ? `${group.label}: ` : ""}${group.items.join(", ")}`);
  }
  for (const section of source.sections) {
    heading(headings[section.kind]);
    for (const line of section.entries) out.push(`• ${line}`);
  }
  return out;
}

function contactLines(source: ResumeSource): string[] {
  const { email, phone, location, links } = source.contact;
  return [
    source.name,
    ...(source.headline ? [source.headline] : []),
    [email, phone, location, ...links].join(" | "),
  ];
}

/** Title — Company, then dates and place, then bullets; headings in the resume's language. */
const classic: TextLayout = {
  name: "text-classic",
  render(source) {
    const headings = HEADINGS[source.language];
    const writing = monthYearRanges(source.language);
    const body = sections(source, headings, (out) => {
      for (const role of source.experience) {
        out.push(`${role.title} — ${role.company}`);
        const dates = writeRange(writing, role.start, role.end);
        out.push(role.location ? `${dates} | ${role.location}` : dates);
        for (const bullet of role.bullets) out.push(`• ${bullet}`);
      }
    });
    return { text: [...contactLines(source), ...body].join("\n"), labels: labelsOf(source, writing) };
  },
};

/**
 * The title with its dates on one line and the company on the next, headings in capitals and in
 * other words than the usual ones (English resumes), numeric dates.
 */
const companyUnder: TextLayout = {
  name: "text-company-under",
  render(source) {
    const usual = HEADINGS[source.language];
    const headings: Headings =
      source.language === "en"
        ? {
            ...usual,
            summary: "PROFESSIONAL PROFILE",
            experience: "WORK HISTORY",
            education: "EDUCATION & TRAINING",
            skills: "SKILLS & TOOLS",
          }
        : (Object.fromEntries(
            Object.entries(usual).map(([key, word]) => [key, word.toUpperCase()]),
          ) as Headings);
    const writing: DateWriting = { date: numericMonth, present: usual.present, separator: " - " };
    const body = sections(source, headings, (out) => {
      for (const role of source.experience) {
        out.push(`${role.title}    ${writeRange(writing, role.start, role.end)}`);
        out.push(role.location ? `${role.company}    ${role.location}` : role.company);
        for (const bullet of role.bullets) out.push(`- ${bullet}`);
      }
    });
    return { text: [...contactLines(source), ...body].join("\n"), labels: labelsOf(source, writing) };
  },
};

export const TEXT_LAYOUTS: TextLayout[] = [classic, companyUnder];
