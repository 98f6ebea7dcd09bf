import type { JobAnalysis, ParsedResume } from "../src/index.ts";
import { UNPLACED_SECTION } from "../src/unplaced.ts";
import { skillForms } from "./golden/load.ts";
import type { JobSource } from "./golden/schema.ts";
import { type Counts, fold, many, single } from "./metrics.ts";
import type { ResumeLabels } from "./render/labels.ts";

export const RESUME_FIELDS = [
  "name",
  "email",
  "phone",
  "experience.title",
  "experience.company",
  "experience.dates",
  "skills",
  "education",
  "sections",
] as const;
export const JOB_FIELDS = ["title", "seniority", "requiredSkills", "niceToHaveSkills", "years"] as const;

const digits = (value: string) => value.replace(/\D/g, "");

/** Each skill name under the first of the names a reader takes as the same (golden/skill-forms.json). */
const formOf = new Map(
  skillForms().flatMap((names) => names.map((name): [string, string] => [fold(name), names[0] ?? name])),
);
export const skillForm = (skill: string) => formOf.get(fold(skill)) ?? skill;

/** `sections`: the entries of the source's other sections, whatever headings the layout gave them. */
export function scoreResume(
  parsed: ParsedResume,
  labels: ResumeLabels,
  sections: string[],
): Record<(typeof RESUME_FIELDS)[number], Counts> {
  const dates = (start?: string, end?: string) => (start || end ? `${start ?? ""} - ${end ?? ""}` : "");
  return {
    name: single(labels.name, parsed.contact.name),
    email: single(labels.email, parsed.contact.email),
    phone: single(labels.phone, parsed.contact.phone, (a, b) => digits(a) === digits(b)),
    "experience.title": many(
      labels.experience.map((entry) => entry.title),
      parsed.experience.map((entry) => entry.title).filter(Boolean),
    ),
    "experience.company": many(
      labels.experience.map((entry) => entry.company),
      parsed.experience.map((entry) => entry.company).filter(Boolean),
    ),
    "experience.dates": many(
      labels.experience.map((entry) => entry.dates),
      parsed.experience.map((entry) => dates(entry.startDate, entry.endDate)).filter(Boolean),
    ),
    skills: many(labels.skills, parsed.skills),
    education: many(labels.education, parsed.education.map((entry) => entry.institution).filter(Boolean)),
    // Section assignment: each entry of an other section kept as one, and nothing else put there
    // (lines no field took are kept apart, under UNPLACED_SECTION: placed nowhere, not misplaced).
    sections: many(
      sections,
      Object.entries(parsed.otherSections).flatMap(([heading, items]) =>
        heading === UNPLACED_SECTION ? [] : items,
      ),
    ),
  };
}

export function scoreJob(
  analysis: JobAnalysis,
  labels: JobSource,
): Record<(typeof JOB_FIELDS)[number], Counts> {
  return {
    title: single(labels.title, analysis.title),
    seniority: single(labels.seniority, analysis.seniority),
    requiredSkills: many(labels.requiredSkills.map(skillForm), analysis.requiredSkills.map(skillForm)),
    niceToHaveSkills: many(labels.niceToHaveSkills.map(skillForm), analysis.niceToHaveSkills.map(skillForm)),
    years: single(
      labels.yearsOfExperience === null ? "" : String(labels.yearsOfExperience),
      analysis.yearsOfExperience === null ? undefined : String(analysis.yearsOfExperience),
    ),
  };
}
