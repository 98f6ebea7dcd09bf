import type { MatchProfile } from "./match-profile.ts";
import { canonicalSkill } from "./skills.ts";
import { phraseKey } from "./tokens.ts";

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

export function evidenceOf(profile: MatchProfile, phrases: JobPhrases): ResumeEvidence {
  return {
    skills: new Set(profile.skills),
    phrases: phrasesIn(profile, phrases),
    listed: new Set(profile.listed),
  };
}

function phrasesIn({ words, parts }: MatchProfile, phrases: JobPhrases): Set<string> {
  const found = new Set<string>();
  for (let start = 0; start < words.length; start++) {
    const filed = phrases.byFirstWord.get(words[start] as string);
    if (filed === undefined) continue;
    for (const phrase of filed) {
      if (phrase.every((word, offset) => words[start + offset] === word)) found.add(phrase.join(" "));
    }
  }
  // "an idempotency-key layer" shows idempotency: a word of a compound is a word of the resume.
  if (phrases.words.size > 0) for (const part of parts) if (phrases.words.has(part)) found.add(part);
  return found;
}

export function resumeShows(evidence: ResumeEvidence, term: JobTerm): boolean {
  if (term.canonical) return evidence.skills.has(term.canonical);
  return term.phrase !== "" && evidence.phrases.has(term.phrase);
}
