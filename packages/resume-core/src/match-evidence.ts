import { canonicalSkill, skillsInTokens } from "./skills.ts";
import { substringsIn } from "./substrings.ts";
import { compoundParts, phraseKey, tokenize } from "./tokens.ts";
import type { ParsedResume } from "./types.ts";

/** A job keyword or skill prepared once: skills compare by canonical name, other terms by phrase. */
export interface JobTerm {
  term: string;
  canonical?: string;
  phrase: string;
  tokenCount: number;
}

export function compileTerm(term: string): JobTerm {
  const phrase = phraseKey(term);
  const canonical = canonicalSkill(term);
  return {
    term,
    phrase,
    tokenCount: phrase === "" ? 0 : phrase.split(" ").length,
    ...(canonical && { canonical }),
  };
}

/** The name to show for a term: the canonical skill when there is one. */
export function nameOf(term: JobTerm): string {
  return term.canonical ?? term.term;
}

/** Everything the resume shows, as canonical skills and as token phrases of the lengths asked for. */
export interface ResumeEvidence {
  skills: Set<string>;
  phrases: Set<string>;
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

export function gatherEvidence(resume: ParsedResume, phraseLengths: number[]): ResumeEvidence {
  const tokens = tokenize(resumeText(resume));
  const skills = new Set(skillsInTokens(tokens));
  for (const item of resume.skills) {
    const canonical = canonicalSkill(item);
    if (canonical) skills.add(canonical);
  }
  const phrases = new Set<string>();
  for (const length of phraseLengths) {
    for (let start = 0; start + length <= tokens.length; start++) {
      let key = tokens[start]?.norm ?? "";
      for (let offset = 1; offset < length; offset++) key += ` ${tokens[start + offset]?.norm ?? ""}`;
      phrases.add(key);
    }
  }
  // "an idempotency-key layer" shows idempotency: a word of a compound is a word of the resume.
  if (phraseLengths.includes(1)) {
    for (const token of tokens) for (const part of compoundParts(token)) phrases.add(part.norm);
  }
  return { skills, phrases };
}

export function resumeShows(evidence: ResumeEvidence, term: JobTerm): boolean {
  if (term.canonical) return evidence.skills.has(term.canonical);
  return term.phrase !== "" && evidence.phrases.has(term.phrase);
}
