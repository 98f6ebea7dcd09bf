import { yearOf } from "./dates.ts";
import { type JobTerm, nameOf, type ResumeEvidence, resumeShows } from "./match-evidence.ts";
import { findSkills } from "./skills.ts";
import { phraseKey } from "./tokens.ts";
import type { JobAnalysis, ParsedResume, Suggestion } from "./types.ts";

const MAX_SUGGESTIONS = 10;
const MAX_MOVE_UP = 3;

export interface SuggestionInput {
  resume: ParsedResume;
  job: JobAnalysis;
  evidence: ResumeEvidence;
  required: JobTerm[];
  niceToHave: JobTerm[];
  missingKeywords: JobTerm[];
}

type BulletRef = NonNullable<Suggestion["bullet"]>;

/**
 * Concrete, honest advice, most useful first. Missing skills are phrased "if you have used it";
 * everything else points at what the resume already shows: a bullet to move up, a skill the
 * experience proves but the skills section omits, dates that would prove the years asked for.
 */
export function suggestImprovements(input: SuggestionInput): Suggestion[] {
  const { resume, job, evidence, required, niceToHave } = input;
  const shown = (term: JobTerm) => resumeShows(evidence, term);
  const { listed } = evidence;
  const bulletShows = bulletInspector();
  const suggestions: Suggestion[] = [];
  const asks = (term: JobTerm) =>
    required.includes(term) ? `The job requires ${nameOf(term)}` : `The job lists ${nameOf(term)} as a plus`;

  for (const term of required.filter((t) => !shown(t))) {
    suggestions.push({
      text: `Add ${nameOf(term)} to your skills section if you have used it`,
      reason: `The job requires ${nameOf(term)} and nothing in your resume names it; add it only if it is true`,
      section: "skills",
    });
  }
  const years = yearsSuggestion(resume, job.yearsOfExperience);
  if (years) suggestions.push(years);

  let moveUps = 0;
  for (const term of [...required, ...niceToHave].filter(shown)) {
    const bullet = firstBulletShowing(resume, term, bulletShows);
    const firstOfEntry = resume.experience[bullet?.role ?? -1]?.bullets[0];
    const leadAlreadyMatches =
      firstOfEntry !== undefined && required.some((t) => bulletShows(firstOfEntry, t));
    if (bullet && bullet.index > 0 && !leadAlreadyMatches && moveUps < MAX_MOVE_UP) {
      suggestions.push({
        text: `Your bullet about '${snippet(bullet.text, term, bulletShows)}' shows ${nameOf(term)} — move it up`,
        reason: `${asks(term)}, and readers and screens weigh a role's first bullets most`,
        section: "experience",
        bullet,
      });
      moveUps++;
    }
    if (term.canonical && !listed.has(term.canonical) && bullet) {
      suggestions.push({
        text: `List ${nameOf(term)} in your skills section; your experience already shows it`,
        reason: `${asks(term)}, and keyword screens look for it in the skills section`,
        section: "skills",
        bullet,
      });
    }
  }

  for (const term of niceToHave.filter((t) => !shown(t))) {
    suggestions.push({
      text: `If you have worked with ${nameOf(term)}, mention it: the job lists it as a plus`,
      reason: `The job lists ${nameOf(term)} as a plus and nothing in your resume names it`,
      section: "experience",
    });
  }
  const skillNames = new Set([...required, ...niceToHave].map(nameOf));
  for (const term of input.missingKeywords.filter((t) => !skillNames.has(nameOf(t)))) {
    suggestions.push({
      text: `Mention ${term.term} if it applies to your experience`,
      reason: `The job's description uses "${term.term}", and keyword screens match on its words`,
      section: "experience",
    });
  }
  suggestions.push(...sectionSuggestions(resume, required.filter(shown).map(nameOf)));
  const seen = new Set<string>();
  return suggestions
    .filter((suggestion) => !seen.has(suggestion.text) && seen.add(suggestion.text))
    .slice(0, MAX_SUGGESTIONS);
}

type BulletShows = (bullet: string, term: JobTerm) => boolean;

/** Reads each bullet once however many job terms are looked for in it. */
function bulletInspector(): BulletShows {
  const skills = new Map<string, string[]>();
  const phrases = new Map<string, string>();
  return (bullet, term) => {
    if (term.canonical) {
      const found = skills.get(bullet) ?? findSkills(bullet);
      skills.set(bullet, found);
      return found.includes(term.canonical);
    }
    const phrase = phrases.get(bullet) ?? ` ${phraseKey(bullet)} `;
    phrases.set(bullet, phrase);
    return phrase.includes(` ${term.phrase} `);
  };
}

function firstBulletShowing(
  resume: ParsedResume,
  term: JobTerm,
  bulletShows: BulletShows,
): BulletRef | undefined {
  for (const [entry, role] of resume.experience.entries()) {
    const index = role.bullets.findIndex((bullet) => bulletShows(bullet, term));
    const text = role.bullets[index];
    if (text !== undefined) return { role: entry, index, text };
  }
  return undefined;
}

/**
 * The part of a bullet that shows the term, short enough to quote:
 * "Migrated billing to Postgres, cutting latency by 40%" → "migrated billing to Postgres".
 */
function snippet(bullet: string, term: JobTerm, bulletShows: BulletShows): string {
  const clauses = bullet
    .split(/[,;:()]|\s[—–-]\s|\s(?:by|through|using|via|while|including)\s/i)
    // The lookbehind tries a trailing run only from its first character: one scan of a long run.
    .map((clause) => clause.trim().replace(/(?<![.!?])[.!?]+$/, ""))
    .filter((clause) => clause !== "");
  const clause = clauses.find((candidate) => bulletShows(candidate, term)) ?? clauses[0] ?? bullet;
  const words = clause.split(/\s+/).slice(0, 10);
  const [first = "", ...rest] = words;
  // Lowercase an opening verb ("Migrated"), never an acronym or a product name ("AWS", "Kubernetes").
  const lower = /^\p{Lu}\p{Ll}+$/u.test(first) && findSkills(first).length === 0;
  return [lower ? first.toLowerCase() : first, ...rest].join(" ");
}

function yearsSuggestion(resume: ParsedResume, yearsAsked: number | null): Suggestion | undefined {
  if (yearsAsked === null) return undefined;
  const roles = resume.experience;
  const reason = `The job asks for ${yearsAsked}+ years of experience, and screens count them from your dates`;
  if (roles.length === 0 || roles.some((role) => role.startDate === undefined)) {
    return {
      text: `The job asks for ${yearsAsked}+ years; make the dates of your roles explicit`,
      reason,
      section: "experience",
    };
  }
  const currentYear = new Date().getUTCFullYear();
  const starts = roles.flatMap((role) => yearOf(role.startDate, currentYear) ?? []);
  const ends = roles.flatMap((role) => yearOf(role.endDate ?? role.startDate, currentYear) ?? []);
  if (starts.length === 0 || ends.length === 0) return undefined;
  const span = Math.max(...ends) - Math.min(...starts);
  const summaryStatesYears = /\b\d+\+?\s+years?\b/i.test(resume.summary);
  if (span >= yearsAsked && !summaryStatesYears) {
    return {
      text: `Your roles span about ${span} years and the job asks for ${yearsAsked}+; say so in your summary`,
      reason,
      section: "summary",
    };
  }
  return undefined;
}

function sectionSuggestions(resume: ParsedResume, matchedSkills: string[]): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const { contact } = resume;
  if (contact.email === undefined && contact.phone === undefined) {
    suggestions.push({
      text: "Add an email address or phone number to your contact details",
      reason: "A recruiter who wants to interview you needs a way to reach you",
      section: "contact",
    });
  }
  if (resume.summary.trim() === "") {
    const lead = matchedSkills.slice(0, 3);
    suggestions.push({
      text:
        lead.length > 0
          ? `Add a short summary that leads with your experience in ${lead.join(", ")}`
          : "Add a short summary of your experience",
      reason: "The summary is read first; it tells the reader in two lines why you fit this job",
      section: "summary",
    });
  }
  if (resume.skills.length === 0)
    suggestions.push({
      text: "Add a skills section listing the skills your experience shows",
      reason: "Keyword screens look for the job's skills in a skills section first",
      section: "skills",
    });
  if (resume.experience.length === 0)
    suggestions.push({
      text: "Add your work experience with titles, employers and dates",
      reason: "Screens and readers judge fit for a job from your roles and their dates",
      section: "experience",
    });
  if (resume.education.length === 0)
    suggestions.push({
      text: "Add your education (degree and institution)",
      reason: "Some screens filter on education before a person reads the resume",
      section: "education",
    });
  return suggestions;
}
