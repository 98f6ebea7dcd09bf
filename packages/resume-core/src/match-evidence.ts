import { canonicalSkill, findSkills, skillsInTokens } from "./skills.ts";
import { substringsIn } from "./substrings.ts";
import { compoundParts, phraseKey, type Token, tokenize } from "./tokens.ts";
import type { ParsedResume } from "./types.ts";

/** A job keyword or skill prepared once: skills compare by canonical name, other terms by phrase. */
export interface JobTerm {
  term: string;
  canonical?: string;
  phrase: string;
}

export function compileTerm(term: string): JobTerm {
  const phrase = phraseKey(term);
  const canonical = canonicalSkill(term);
  return {
    term,
    phrase,
    ...(canonical && { canonical }),
  };
}

/** The name to show for a term: the canonical skill when there is one. */
export function nameOf(term: JobTerm): string {
  return term.canonical ?? term.term;
}

/**
 * The job's terms that are not skills, each as the words its phrase is made of, filed under its
 * first word: a resume is read once, looking up each of its words, however many terms the job has.
 */
export interface JobPhrases {
  byFirstWord: Map<string, string[][]>;
  /** Phrases of one word, which a part of a compound also shows. */
  words: Set<string>;
}

export function jobPhrases(terms: JobTerm[]): JobPhrases {
  const byFirstWord = new Map<string, string[][]>();
  const words = new Set<string>();
  for (const { canonical, phrase } of terms) {
    if (canonical || phrase === "") continue;
    const phraseWords = phrase.split(" ");
    const [first = ""] = phraseWords;
    if (phraseWords.length === 1) words.add(first);
    const filed = byFirstWord.get(first) ?? [];
    if (!filed.some((other) => other.join(" ") === phrase)) filed.push(phraseWords);
    byFirstWord.set(first, filed);
  }
  return { byFirstWord, words };
}

/** What the resume shows: canonical skills, the job's phrases it contains, its skills section by name. */
export interface ResumeEvidence {
  skills: Set<string>;
  phrases: Set<string>;
  /** Canonical names of the skills its skills section lists. */
  listed: Set<string>;
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

export function gatherEvidence(resume: ParsedResume, phrases: JobPhrases): ResumeEvidence {
  const tokens = tokenize(resumeText(resume));
  const skills = new Set(skillsInTokens(tokens));
  const listed = new Set<string>();
  for (const item of resume.skills) {
    const canonical = canonicalSkill(item);
    if (canonical) skills.add(canonical);
    for (const name of canonical === undefined ? findSkills(item) : [canonical]) listed.add(name);
  }
  return { skills, phrases: phrasesIn(tokens, phrases), listed };
}

function phrasesIn(tokens: Token[], phrases: JobPhrases): Set<string> {
  const found = new Set<string>();
  for (let start = 0; start < tokens.length; start++) {
    for (const words of phrases.byFirstWord.get(tokens[start]?.norm ?? "") ?? []) {
      if (words.every((word, offset) => tokens[start + offset]?.norm === word)) found.add(words.join(" "));
    }
  }
  // "an idempotency-key layer" shows idempotency: a word of a compound is a word of the resume.
  if (phrases.words.size > 0) {
    for (const token of tokens) {
      for (const part of compoundParts(token)) if (phrases.words.has(part.norm)) found.add(part.norm);
    }
  }
  return found;
}

export function resumeShows(evidence: ResumeEvidence, term: JobTerm): boolean {
  if (term.canonical) return evidence.skills.has(term.canonical);
  return term.phrase !== "" && evidence.phrases.has(term.phrase);
}
