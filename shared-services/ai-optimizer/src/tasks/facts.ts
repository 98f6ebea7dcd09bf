import { canonicalSkill, findSkills, type ParsedResume } from "@hireloop/resume-core";

/** The resume without contact details or raw text: what a model needs to work on its content. */
export function resumeContent(resume: ParsedResume) {
  return {
    summary: resume.summary,
    skills: resume.skills,
    experience: resume.experience,
    education: resume.education,
    otherSections: resume.otherSections,
  };
}

export function skillKey(skill: string): string {
  return (canonicalSkill(skill) ?? skill).trim().toLowerCase();
}

/**
 * Skills named in `claimed` that `source` does not mention, by a known alias or literally: what a
 * model answer must not bring in.
 */
export function skillsMissingFrom(source: string, claimed: string[]): string[] {
  const known = new Set(findSkills(source).map(skillKey));
  const lowered = source.toLowerCase();
  return claimed.filter(
    (skill) =>
      skill.trim() !== "" && !known.has(skillKey(skill)) && !lowered.includes(skill.trim().toLowerCase()),
  );
}
