import { type BulletRef, canonicalSkill, findSkills, type ParsedResume } from "@hireloop/resume-core";

export type RoastSection = "summary" | "skills" | "experience" | "education" | "contact" | "overall";

export type FindingKind =
  | "missing_contact"
  | "missing_summary"
  | "missing_skills"
  | "missing_experience"
  | "missing_education"
  | "long_summary"
  | "buzzwords"
  | "vague_bullets"
  | "weak_openers"
  | "long_bullets"
  | "thin_roles"
  | "unevidenced_skills";

/** Something checkably wrong with a resume, with the evidence a remark can quote. */
export interface Finding {
  kind: FindingKind;
  section: RoastSection;
  /** Points off the 10-point score. */
  penalty: number;
  /** How many items are affected (bullets, skills, roles…). */
  count: number;
  /** Up to three quotes from the resume, so every remark is grounded in what it says. */
  examples: string[];
  /** The bullets quoted, where the finding is about bullets: each names its role and place. */
  bullets: BulletRef[];
}

const LONG_SUMMARY_WORDS = 70;
const LONG_BULLET_WORDS = 35;
const MIN_BULLETS_PER_ROLE = 2;
const MAX_EXAMPLES = 3;
const BUZZWORDS = [
  "team player",
  "hard-working",
  "hardworking",
  "results-driven",
  "results-oriented",
  "detail-oriented",
  "self-starter",
  "go-getter",
  "synergy",
  "passionate",
  "think outside the box",
  "dynamic",
  "rockstar",
  "ninja",
  "guru",
];
const WEAK_OPENERS =
  /^(responsible for|worked on|helped( with)?|assisted( with)?|involved in|participated in|duties included|tasked with)\b/i;
/** A bullet shows its result when it has a figure: a count, a percentage, money, a duration. */
const HAS_FIGURE = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twice|double[ds]?|half)\b/i;

/** Reads a resume the way a tired recruiter does, and writes down only what it can point at. */
export function findRoastFindings(resume: ParsedResume): Finding[] {
  const findings: Finding[] = [];
  const add = (finding: Omit<Finding, "examples" | "bullets"> & { examples?: string[] }) =>
    findings.push({ ...finding, examples: (finding.examples ?? []).slice(0, MAX_EXAMPLES), bullets: [] });
  // Bullet findings quote bullets and say where each is.
  const addBullets = (finding: Omit<Finding, "examples" | "bullets" | "count">, refs: BulletRef[]) => {
    const quoted = refs.slice(0, MAX_EXAMPLES);
    findings.push({
      ...finding,
      count: refs.length,
      examples: quoted.map((ref) => ref.text),
      bullets: quoted,
    });
  };
  const refs: BulletRef[] = resume.experience.flatMap((entry, role) =>
    entry.bullets.map((text, index) => ({ role, index, text })),
  );
  const bullets = refs.map((ref) => ref.text);

  const missingContact = [
    resume.contact.email ? undefined : "email",
    resume.contact.phone ? undefined : "phone",
  ].filter((part) => part !== undefined);
  if (resume.contact.name.trim() === "") missingContact.unshift("name");
  if (missingContact.length > 0) {
    add({
      kind: "missing_contact",
      section: "contact",
      penalty: 2,
      count: missingContact.length,
      examples: missingContact,
    });
  }

  const summaryWords = wordCount(resume.summary);
  if (summaryWords === 0) add({ kind: "missing_summary", section: "summary", penalty: 1, count: 0 });
  else if (summaryWords > LONG_SUMMARY_WORDS) {
    add({ kind: "long_summary", section: "summary", penalty: 1, count: summaryWords });
  }

  if (resume.skills.length === 0) add({ kind: "missing_skills", section: "skills", penalty: 2, count: 0 });
  if (resume.experience.length === 0) {
    add({ kind: "missing_experience", section: "experience", penalty: 3, count: 0 });
  }
  if (resume.education.length === 0)
    add({ kind: "missing_education", section: "education", penalty: 1, count: 0 });

  const allText = [resume.summary, ...resume.skills, ...bullets].join("\n").toLowerCase();
  const buzzwords = BUZZWORDS.filter((word) => new RegExp(`(?<![a-z])${word}(?![a-z])`).test(allText));
  if (buzzwords.length > 0) {
    add({ kind: "buzzwords", section: "summary", penalty: 1, count: buzzwords.length, examples: buzzwords });
  }

  const vague = refs.filter((ref) => !HAS_FIGURE.test(ref.text));
  // One vague bullet among many is normal; most of them being vague is the pattern worth naming.
  if (refs.length > 0 && vague.length / refs.length >= 0.5) {
    const penalty = vague.length === refs.length ? 2 : 1;
    addBullets({ kind: "vague_bullets", section: "experience", penalty }, vague);
  }

  const weak = refs.filter((ref) => WEAK_OPENERS.test(ref.text.trim()));
  if (weak.length > 0) addBullets({ kind: "weak_openers", section: "experience", penalty: 1 }, weak);

  const long = refs.filter((ref) => wordCount(ref.text) > LONG_BULLET_WORDS);
  if (long.length > 0) addBullets({ kind: "long_bullets", section: "experience", penalty: 1 }, long);

  const thin = resume.experience.filter((entry) => entry.bullets.length < MIN_BULLETS_PER_ROLE);
  if (thin.length > 0) {
    add({
      kind: "thin_roles",
      section: "experience",
      penalty: 1,
      count: thin.length,
      examples: thin.map((entry) => [entry.title, entry.company].filter(Boolean).join(" at ")),
    });
  }

  const unevidenced = skillsNotEvidenced(resume);
  if (resume.experience.length > 0 && unevidenced.length > 0) {
    add({
      kind: "unevidenced_skills",
      section: "skills",
      penalty: unevidenced.length >= 3 ? 2 : 1,
      count: unevidenced.length,
      examples: unevidenced,
    });
  }
  return findings;
}

/**
 * Listed skills that nothing else in the resume backs, by name or by a known alias: no role's
 * title or bullets, no certification, project or other section, no education detail. A skill a
 * certification names is not decorative.
 */
function skillsNotEvidenced(resume: ParsedResume): string[] {
  const evidence = [
    ...resume.experience.flatMap((entry) => [entry.title, ...entry.bullets]),
    ...resume.education.flatMap((entry) => [entry.degree ?? "", ...entry.details]),
    ...Object.values(resume.otherSections).flat(),
  ].join("\n");
  const shown = new Set(findSkills(evidence).map(skillKey));
  const lowered = evidence.toLowerCase();
  return resume.skills.filter(
    (skill) => skill.trim() !== "" && !shown.has(skillKey(skill)) && !lowered.includes(skill.toLowerCase()),
  );
}

function skillKey(skill: string): string {
  return (canonicalSkill(skill) ?? skill).toLowerCase();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== "").length;
}
