import { normalizeText } from "./normalize.ts";
import { parseContact } from "./parse-contact.ts";
import { parseEducation } from "./parse-education.ts";
import { bulletsFrom, parseExperience } from "./parse-experience.ts";
import { parseSkillList } from "./parse-skills.ts";
import { markedHeading, recognizeHeading, type SectionKind, unmarked } from "./sections.ts";
import { findSkills, SPOKEN_LANGUAGES } from "./skills.ts";
import {
  type ExperienceEntry,
  type ExperienceKind,
  MAX_RESUME_TEXT_CHARS,
  type ParsedResume,
  ResumeError,
} from "./types.ts";
import { UNPLACED_SECTION, unplacedLines } from "./unplaced.ts";

interface Section {
  kind: SectionKind | "header";
  title: string;
  entryKind?: ExperienceKind;
  lines: string[];
}

/**
 * Parses resume text into sections. Heuristic by necessity: headings are recognized by their
 * usual names and synonyms, everything above the first heading is the contact header, and each
 * section has its own reader. Text that is already normalized passes through unchanged.
 */
export function parseResumeText(text: string): ParsedResume {
  return parseWithSections(text).resume;
}

/** The parse, and whether the text had any section heading (readResumeText's test of a resume). */
function parseWithSections(text: string): { resume: ParsedResume; hasSections: boolean } {
  const normalized = normalizeText(text);
  const sections = splitSections(normalized.split("\n"));
  const header = sections.find((section) => section.kind === "header")?.lines ?? [];
  const linesOf = (kind: SectionKind) =>
    sections.filter((section) => section.kind === kind).flatMap((s) => s.lines);

  const otherSections: Record<string, string[]> = {};
  for (const section of sections.filter((s) => s.kind === "other")) {
    const items = bulletsFrom(section.lines);
    if (items.length === 0) continue;
    // Appended in place: a title repeated across many sections must not copy what it already holds.
    const list = otherSections[section.title] ?? [];
    for (const item of items) list.push(item);
    otherSections[section.title] = list;
  }

  const summaryLines = linesOf("summary");
  const fields = withoutFieldGaps({
    contact: parseContact(header, normalized),
    summary: joinParagraph(summaryLines.length > 0 ? summaryLines : introFromHeader(header)),
    skills: parseSkillList(linesOf("skills")),
    experience: experienceOf(sections),
    education: parseEducation(linesOf("education")),
    otherSections,
  });
  // Nothing is dropped silently: what no field took is kept, to be shown and corrected. A short
  // line of the header that no field took is the headline under the name.
  const headerLines = new Set(header.map((line) => line.replace(/^- /, "").replace(/\t/g, " ").trim()));
  const unplaced = unplacedLines(fields, normalized);
  const headline = unplaced.find(
    (line) => headerLines.has(line) && line.split(/\s+/).length <= MAX_HEADLINE_WORDS,
  );
  if (headline !== undefined) {
    fields.contact.headline = headline;
    unplaced.splice(unplaced.indexOf(headline), 1);
  }
  if (unplaced.length > 0) {
    fields.otherSections[UNPLACED_SECTION] = [...(fields.otherSections[UNPLACED_SECTION] ?? []), ...unplaced];
  }
  return {
    resume: { ...fields, text: normalized },
    hasSections: sections.some((section) => section.kind !== "header"),
  };
}

/** A headline names a role and a focus; a longer line of the header is an introduction. */
const MAX_HEADLINE_WORDS = 16;

/**
 * The tabs normalizeText keeps between a line's fields guide the parser; in a value they are
 * spacing, and a value reaches documents and screens with one space instead.
 */
function withoutFieldGaps<T>(value: T): T {
  if (typeof value === "string") return value.replace(/\t/g, " ") as T;
  if (Array.isArray(value)) return value.map(withoutFieldGaps) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withoutFieldGaps(item)])) as T;
  }
  return value;
}

/**
 * Reads a resume from its text (pasted, or extracted from a file) and refuses what is not one: text
 * longer than any resume, text with nothing in it, and text with no heading, email or phone (a
 * scanned form, a garbled font, a random document).
 */
export function readResumeText(text: string): ParsedResume {
  if (text.length > MAX_RESUME_TEXT_CHARS) {
    throw new ResumeError(
      "resume_too_long",
      `The document holds ${text.length} characters of text; a resume holds at most ${MAX_RESUME_TEXT_CHARS}`,
    );
  }
  const { resume, hasSections } = parseWithSections(text);
  if (resume.text === "") throw new ResumeError("resume_empty", "The resume has only whitespace");
  const recognisable =
    hasSections || resume.contact.email !== undefined || resume.contact.phone !== undefined;
  if (!recognisable) {
    throw new ResumeError("resume_unreadable", "No resume content (contact details or sections) was found");
  }
  return resume;
}

/**
 * Sections by their headings. Where the document marks its headings (see markedHeading), only the
 * marked lines are headings; a marked line above everything else is the name, not a section.
 */
function splitSections(lines: string[]): Section[] {
  const sections: Section[] = [{ kind: "header", title: "", lines: [] }];
  const marksHeadings = lines.filter((line) => markedHeading(line) !== undefined).length >= 2;
  for (const [index, line] of lines.entries()) {
    const current = sections[sections.length - 1];
    const found = marksHeadings ? markedHeading(line) : (markedHeading(line) ?? recognizeHeading(line));
    // "Languages: Go, Python" inside a skills section is a labelled line of it, not a new section,
    // and so is a "Languages" line over a list of programming languages where nothing marks it.
    const labelsSkills =
      current?.kind === "skills" &&
      (found?.inlineContent !== undefined ||
        (markedHeading(line) === undefined && labelsProgramming(lines, index)));
    const heading = labelsSkills ? undefined : found;
    const opensDocument = current?.kind === "header" && current.lines.every((text) => text === "");
    if (
      heading &&
      !(opensDocument && heading.kind === "other" && recognizeHeading(unmarked(line)) === undefined)
    ) {
      sections.push({
        kind: heading.kind,
        title: heading.title,
        ...(heading.entryKind === undefined ? {} : { entryKind: heading.entryKind }),
        lines: heading.inlineContent ? [heading.inlineContent] : [],
      });
    } else {
      current?.lines.push(unmarked(line));
    }
  }
  return sections;
}

/** A few lines under a label are its list. */
const LABELLED_LINES = 8;

/** Whether the lines under a "Languages" line list programming languages, not spoken ones. */
function labelsProgramming(lines: string[], index: number): boolean {
  if (!LANGUAGES_LABEL.test(unmarked(lines[index] ?? "").trim())) return false;
  const items: string[] = [];
  for (const line of lines.slice(index + 1, index + 1 + LABELLED_LINES)) {
    if (line.trim() === "") break;
    items.push(line.replace(/^- /, ""));
  }
  const skills = items.flatMap((item) => findSkills(item));
  return skills.length > 0 && skills.every((skill) => !SPOKEN_LANGUAGES.has(skill));
}

const LANGUAGES_LABEL = /^(?:languages?|programming languages|sprachen|idiomas|langues|lenguajes)$/iu;

/** Each experience section's roles, read on their own: a volunteer role is no bullet of the job above it. */
function experienceOf(sections: Section[]): ExperienceEntry[] {
  return sections
    .filter((section) => section.kind === "experience")
    .flatMap((section) =>
      parseExperience(section.lines).map((entry) =>
        section.entryKind === undefined ? entry : { ...entry, kind: section.entryKind },
      ),
    );
}

/** Without a summary heading, a paragraph under the name (a sentence, not a headline) is the summary. */
function introFromHeader(header: string[]): string[] {
  return header.filter((line) => line.split(/\s+/).length >= 8 && !/@|\d{3}/.test(line));
}

/** A wrapped paragraph is joined into one; a bulleted summary keeps one item per line. */
function joinParagraph(lines: string[]): string {
  const content = lines.filter((line) => line !== "");
  if (content.some((line) => line.startsWith("- "))) return bulletsFrom(content).join("\n");
  return content.join(" ");
}
