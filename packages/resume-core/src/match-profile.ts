import { type RoleSpan, roleSpans } from "./experience-fit.ts";
import { roleTitleStems } from "./role-fit.ts";
import { canonicalSkill, findSkills, skillsInTokens } from "./skills.ts";
import { substringsIn } from "./substrings.ts";
import { taxonomyVersion } from "./taxonomy.ts";
import { compoundParts, tokenize } from "./tokens.ts";
import type { ParsedResume } from "./types.ts";

/**
 * What matching needs of a resume, whatever the job: read once, when the resume is parsed or
 * corrected, and stored beside it, so scoring a resume against a job (or a thousand resumes
 * against one job) reads no text. Plain JSON, to be stored as it is.
 */
export interface MatchProfile {
  /** Which reading made it: a profile of another version is read again from the resume. */
  version: string;
  /** Canonical names of the skills the resume shows anywhere. */
  skills: string[];
  /** Canonical names of the skills its skills section lists. */
  listed: string[];
  /** Its words, normalized, in the order written: a job's phrases are looked up in them. */
  words: string[];
  /** The words inside its compounds ("idempotency" of "idempotency-key"), once each. */
  parts: string[];
  /** The stems of each title compared with a job's title (role-fit.ts). */
  titles: string[][];
  /** The paid roles' spans of months (experience-fit.ts). */
  spans: RoleSpan[];
  /** How many of contact, summary, skills, experience and education it has (0–5). */
  sections: number;
}

/**
 * Raised when what a profile holds, or how a resume is read into one, changes; the taxonomy's own
 * version covers changes to the skills it knows.
 */
const PROFILE_FORMAT = 1;

export const MATCH_PROFILE_VERSION = `${PROFILE_FORMAT} ${taxonomyVersion}`;

export function profileResume(resume: ParsedResume): MatchProfile {
  const tokens = tokenize(resumeText(resume));
  const skills = new Set(skillsInTokens(tokens));
  const listed = new Set<string>();
  for (const item of resume.skills) {
    const canonical = canonicalSkill(item);
    if (canonical) skills.add(canonical);
    for (const name of canonical === undefined ? findSkills(item) : [canonical]) listed.add(name);
  }
  const parts = new Set<string>();
  for (const token of tokens) for (const part of compoundParts(token)) parts.add(part.norm);
  return {
    version: MATCH_PROFILE_VERSION,
    skills: [...skills],
    listed: [...listed],
    words: tokens.map((token) => token.norm),
    parts: [...parts],
    titles: roleTitleStems(resume.experience, resume.summary, resume.contact.headline),
    spans: roleSpans(resume.experience),
    sections: completeSections(resume),
  };
}

/** A stored profile that the running code reads as it would read the resume now. */
export function isCurrentProfile(value: unknown): value is MatchProfile {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as { version?: unknown }).version === MATCH_PROFILE_VERSION
  );
}

/**
 * The structured fields are read as well as `text`, so a resume edited after parsing (or built
 * by hand, with no text) is judged by what it says now. Fields the text already holds verbatim
 * are not read twice.
 */
function resumeText(resume: ParsedResume): string {
  const fields = [
    resume.summary,
    ...resume.skills,
    ...resume.experience.flatMap((entry) => [entry.title, entry.company, ...entry.bullets]),
    ...resume.education.flatMap((entry) => [entry.institution, entry.degree ?? "", ...entry.details]),
    ...Object.values(resume.otherSections).flat(),
  ];
  const written = fields.filter((field) => field !== "");
  const inText = substringsIn(resume.text, written);
  return [resume.text, ...written.filter((field) => !inText.has(field))].join("\n");
}

/** Contact (a name and a way to reach them), summary, skills, experience, education. */
function completeSections(resume: ParsedResume): number {
  const { contact } = resume;
  return [
    contact.name.trim() !== "" && (contact.email !== undefined || contact.phone !== undefined),
    resume.summary.trim() !== "",
    resume.skills.length > 0,
    resume.experience.length > 0,
    resume.education.length > 0,
  ].filter(Boolean).length;
}
