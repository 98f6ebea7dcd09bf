import { canonicalSkill, findSkills } from "./skills.ts";
import type { JobAnalysis, ParsedResume, TailoringEdit } from "./types.ts";

const MAX_NAMED = 4;

/**
 * What a tailoring changed, read from the two resumes rather than from what the tailor says it did
 * (rules or a model): the summary, the skills' order and each role's bullets, before and after,
 * each with the job's skills that the new version puts first.
 */
export function tailoringEdits(
  source: ParsedResume,
  tailored: ParsedResume,
  job: JobAnalysis,
): TailoringEdit[] {
  const asked = askedSkills(job);
  const edits: TailoringEdit[] = [];
  if (source.summary.trim() !== tailored.summary.trim()) {
    edits.push({
      section: "summary",
      before: source.summary,
      after: tailored.summary,
      reason: reasonFor("Leads with", namedIn(tailored.summary, asked)),
    });
  }
  if (!sameList(source.skills, tailored.skills)) {
    edits.push({
      section: "skills",
      before: source.skills.join(", "),
      after: tailored.skills.join(", "),
      reason: reasonFor("Lists first", namedIn(tailored.skills.slice(0, 2 * MAX_NAMED).join("\n"), asked)),
    });
  }
  for (const [role, entry] of tailored.experience.entries()) {
    const before = source.experience[role]?.bullets ?? [];
    if (sameList(before, entry.bullets)) continue;
    edits.push({
      section: "experience",
      role,
      before: before.join("\n"),
      after: entry.bullets.join("\n"),
      reason: reasonFor("Puts first the bullets that show", namedIn(entry.bullets[0] ?? "", asked)),
    });
  }
  return edits;
}

/** The job's skills by canonical name, required ones first. */
function askedSkills(job: JobAnalysis): string[] {
  return [
    ...new Set(
      [...job.requiredSkills, ...job.niceToHaveSkills].map((skill) => canonicalSkill(skill) ?? skill),
    ),
  ];
}

function namedIn(text: string, asked: string[]): string[] {
  const found = new Set(findSkills(text));
  const lower = text.toLowerCase();
  return asked.filter((skill) => found.has(skill) || lower.includes(skill.toLowerCase())).slice(0, MAX_NAMED);
}

function reasonFor(action: string, skills: string[]): string {
  return skills.length === 0
    ? "Ordered for this job: what it asks for comes first"
    : `${action} what the job asks for: ${skills.join(", ")}`;
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
