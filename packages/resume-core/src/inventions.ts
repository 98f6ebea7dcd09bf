import { extractFacts, normalizeDateField } from "./facts.ts";
import { resumeToText } from "./resume-text.ts";
import { canonicalSkill, findSkills } from "./skills.ts";
import { foldCase } from "./terms.ts";
import type { EducationEntry, ExperienceEntry, ParsedResume } from "./types.ts";
import { wholeTermsIn } from "./whole-terms.ts";

export type InventionKind = "skill" | "employer" | "title" | "date" | "number" | "education";

/** A fact stated by a rewritten resume that its source does not state. */
export interface Invention {
  kind: InventionKind;
  value: string;
}

/** Abbreviations a rewrite may legitimately spell out; any other title change counts as new. */
const TITLE_ABBREVIATIONS: Record<string, string> = {
  sr: "senior",
  jr: "junior",
  mgr: "manager",
  asst: "assistant",
  assoc: "associate",
  dir: "director",
  eng: "engineer",
  engr: "engineer",
};

/**
 * Every skill, employer, title, education entry, date and number in `output` must come from
 * `source`; anything else is returned, in the order found. Meant as the last gate before a rewritten
 * resume (by the tailoring rules or by a model) reaches the user, so it errs on the strict side:
 * a figure or date in a new unit or precision ("2019" → "Jan 2019", "30" → "30%") is reported.
 */
export function findInventions(source: ParsedResume, output: ParsedResume): Invention[] {
  const sourceText = `${source.text}\n${resumeToText(source)}`;
  const outputText = `${output.text}\n${resumeToText(output)}`;
  const found = new Inventions();

  checkSkills(source, sourceText, output, outputText, found);
  checkExperience(source.experience, output.experience, found);
  checkEducation(source.education, output.education, found);
  checkFacts(sourceText, outputText, found);
  return found.list;
}

class Inventions {
  readonly list: Invention[] = [];
  private readonly seen = new Set<string>();

  add(kind: InventionKind, value: string): void {
    const key = `${kind}:${foldCase(value)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ kind, value });
  }
}

function skillKey(name: string): string {
  return foldCase(canonicalSkill(name) ?? name);
}

function checkSkills(
  source: ParsedResume,
  sourceText: string,
  output: ParsedResume,
  outputText: string,
  found: Inventions,
): void {
  const sourceSkills = new Set([...findSkills(sourceText), ...source.skills].map(skillKey));
  const unknown = [...output.skills, ...findSkills(outputText)].filter(
    (skill) => skill.trim() !== "" && !sourceSkills.has(skillKey(skill)),
  );
  // Listed skills may be outside the taxonomy, so each is checked by name as well as by canonical form.
  const namedInSource = wholeTermsIn(sourceText, unknown);
  for (const skill of unknown) {
    if (!namedInSource.has(skill)) found.add("skill", skill);
  }
}

function checkExperience(source: ExperienceEntry[], output: ExperienceEntry[], found: Inventions): void {
  const companies = new Set(source.map((entry) => foldCase(entry.company)));
  const titles = new Set(source.map((entry) => titleKey(entry.title)));
  // Looked up by role rather than searched per output entry, which was quadratic in the roles.
  const datesByRole = new Map<string, Set<string>>();
  for (const entry of source) {
    const role = roleKey(entry);
    const dates = datesByRole.get(role) ?? new Set<string>();
    dates.add(datesKey(entry));
    datesByRole.set(role, dates);
  }
  for (const entry of output) {
    const knownCompany = companies.has(foldCase(entry.company));
    const knownTitle = titles.has(titleKey(entry.title));
    if (!knownCompany) found.add("employer", entry.company);
    if (!knownTitle) found.add("title", entry.title);
    if (!knownCompany || !knownTitle) continue;

    const heldDates = datesByRole.get(roleKey(entry));
    // A title the person held elsewhere is still not a title they held here.
    if (heldDates === undefined) {
      found.add("title", `${entry.title} at ${entry.company}`);
      continue;
    }
    if (!heldDates.has(datesKey(entry))) {
      const written = [entry.startDate, entry.endDate].filter((date) => date !== undefined).join(" – ");
      found.add("date", `${written} (${entry.title} at ${entry.company})`);
    }
  }
}

function roleKey(entry: ExperienceEntry): string {
  return JSON.stringify([foldCase(entry.company), titleKey(entry.title)]);
}

function datesKey(entry: ExperienceEntry): string {
  return JSON.stringify([normalizeDateField(entry.startDate), normalizeDateField(entry.endDate)]);
}

function checkEducation(source: EducationEntry[], output: EducationEntry[], found: Inventions): void {
  const known = new Set(source.map(educationKey));
  for (const entry of output) {
    if (!known.has(educationKey(entry))) {
      found.add("education", [entry.degree, entry.institution].filter(Boolean).join(", "));
    }
  }
}

function checkFacts(sourceText: string, outputText: string, found: Inventions): void {
  const sourceFacts = extractFacts(sourceText);
  const sourceDates = new Set(sourceFacts.dates.map((date) => date.key));
  // A year alone is implied by any more precise date in the same year.
  for (const date of sourceFacts.dates) sourceDates.add(date.key.slice(0, 4));
  const sourceNumbers = new Set(sourceFacts.numbers.map((number) => number.key));

  const outputFacts = extractFacts(outputText);
  for (const date of outputFacts.dates) {
    // "2000 units" reads as a year; it is fine if the source has it either way.
    const isYear = /^\d{4}$/.test(date.key);
    if (!sourceDates.has(date.key) && !(isYear && sourceNumbers.has(`plain:${date.key}`))) {
      found.add("date", date.raw);
    }
  }
  for (const number of outputFacts.numbers) {
    const asYear = number.key.replace(/^plain:/, "");
    if (!sourceNumbers.has(number.key) && !sourceDates.has(asYear)) found.add("number", number.raw);
  }
}

function titleKey(title: string): string {
  return foldCase(title)
    .replace(/[^\p{L}\p{N}&+#/ ]+/gu, " ")
    .split(/\s+/)
    .filter((word) => word !== "")
    .map((word) => TITLE_ABBREVIATIONS[word] ?? word)
    .join(" ");
}

function educationKey(entry: EducationEntry): string {
  return `${foldCase(entry.institution)}|${foldCase(entry.degree ?? "")}`;
}
