import { resumeToText } from "./resume-text.ts";
import { mostRelevantTitle } from "./role-fit.ts";
import { canonicalSkill, findSkills } from "./skills.ts";
import { tailoringEdits } from "./tailoring-edits.ts";
import { foldCase, splitSentences, termMatcher } from "./terms.ts";
import type { ExperienceEntry, JobAnalysis, ParsedResume, TailoredResume } from "./types.ts";

/** Required skills outweigh nice-to-have ones, which outweigh other keywords. */
const WEIGHT = { required: 3, niceToHave: 2, keyword: 1 } as const;
const MAX_SKILLS_IN_SUMMARY = 5;

interface JobTerm {
  /** Whole-term search for the term as the job wrote it. */
  isMentionedIn: (text: string) => boolean;
  weight: number;
}

/**
 * Tailors a resume to a job without adding any fact: it only reorders bullets and skills and
 * rebuilds the summary from the resume's own titles, skills and summary sentences. Every entry,
 * title, company, date and education line is kept as it was.
 */
export function tailorResume(resume: ParsedResume, job: JobAnalysis): TailoredResume {
  const terms = jobTerms(job);
  const changes: string[] = [];

  const emphasizedSkills = rankByRelevance(resume.skills, (skill) => skillWeight(skill, terms)).matched;
  const skills = [...emphasizedSkills, ...resume.skills.filter((skill) => !emphasizedSkills.includes(skill))];
  if (!sameOrder(skills, resume.skills)) {
    changes.push(
      `Listed ${count(emphasizedSkills.length, "matching skill")} first: ${emphasizedSkills.join(", ")}`,
    );
  }

  const experience = resume.experience.map((entry) => {
    const ranked = rankByRelevance(entry.bullets, (bullet) => textWeight(bullet, terms));
    if (!sameOrder(ranked.ordered, entry.bullets)) {
      changes.push(
        `Moved ${count(ranked.matched.length, "matching bullet")} to the top of ${describe(entry)}`,
      );
    }
    return { ...entry, bullets: ranked.ordered };
  });

  const summary = tailorSummary(resume, job, emphasizedSkills, terms);
  if (summary.text !== resume.summary) changes.push(summary.change);

  const tailored: ParsedResume = {
    ...resume,
    contact: { ...resume.contact, links: [...resume.contact.links] },
    summary: summary.text,
    skills,
    experience,
    education: resume.education.map((entry) => ({ ...entry, details: [...entry.details] })),
    otherSections: Object.fromEntries(
      Object.entries(resume.otherSections).map(([heading, items]) => [heading, [...items]]),
    ),
  };
  return {
    resume: { ...tailored, text: resumeToText(tailored) },
    emphasizedSkills,
    changes,
    edits: tailoringEdits(resume, tailored, job),
  };
}

function jobTerms(job: JobAnalysis): Map<string, JobTerm> {
  const terms = new Map<string, JobTerm>();
  const add = (term: string, weight: number) => {
    const key = skillKey(term);
    if (key === "" || (terms.get(key)?.weight ?? 0) >= weight) return;
    terms.set(key, { isMentionedIn: termMatcher(term), weight });
  };
  for (const skill of job.requiredSkills) add(skill, WEIGHT.required);
  for (const skill of job.niceToHaveSkills) add(skill, WEIGHT.niceToHave);
  for (const keyword of job.keywords) add(keyword, WEIGHT.keyword);
  return terms;
}

function skillKey(name: string): string {
  return foldCase(canonicalSkill(name) ?? name);
}

/** Which job terms a piece of text mentions: through the taxonomy (aliases) and literally. */
function matchedTerms(text: string, terms: Map<string, JobTerm>): Set<string> {
  const found = new Set<string>();
  for (const skill of findSkills(text)) {
    const key = skillKey(skill);
    if (terms.has(key)) found.add(key);
  }
  for (const [key, { isMentionedIn }] of terms) {
    if (!found.has(key) && isMentionedIn(text)) found.add(key);
  }
  return found;
}

function textWeight(text: string, terms: Map<string, JobTerm>): number {
  let weight = 0;
  for (const key of matchedTerms(text, terms)) weight += terms.get(key)?.weight ?? 0;
  return weight;
}

/** A listed skill matches when it is a job term itself ("Epic EHR" ~ "Epic") or names one. */
function skillWeight(skill: string, terms: Map<string, JobTerm>): number {
  return terms.get(skillKey(skill))?.weight ?? textWeight(skill, terms);
}

/** Stable: items with the same weight keep their order, so the output is deterministic. */
function rankByRelevance(items: string[], weigh: (item: string) => number) {
  const weighed = items.map((item, index) => ({ item, index, weight: weigh(item) }));
  const ordered = [...weighed].sort((a, b) => b.weight - a.weight || a.index - b.index);
  return {
    ordered: ordered.map(({ item }) => item),
    matched: ordered.filter(({ weight }) => weight > 0).map(({ item }) => item),
  };
}

function tailorSummary(
  resume: ParsedResume,
  job: JobAnalysis,
  emphasizedSkills: string[],
  terms: Map<string, JobTerm>,
): { text: string; change: string } {
  const title = mostRelevantTitle(resume.experience, job.title);
  const leadSkills = emphasizedSkills.slice(0, MAX_SKILLS_IN_SUMMARY);
  const lead = leadSentence(title, leadSkills);
  // Drop a lead written by an earlier tailoring, so tailoring twice does not repeat it.
  const sentences = splitSentences(resume.summary).filter(
    (sentence) => lead === undefined || foldCase(sentence) !== foldCase(lead),
  );
  const ranked = rankByRelevance(sentences, (sentence) => textWeight(sentence, terms));
  if (lead === undefined && sameOrder(ranked.ordered, sentences)) return { text: resume.summary, change: "" };
  const text = [lead, ...ranked.ordered].filter((part) => part !== undefined).join(" ");
  if (lead === undefined) {
    return {
      text,
      change: `Moved ${count(ranked.matched.length, "summary sentence")} matching the job to the front`,
    };
  }
  const leadWith = title === undefined ? "" : ` your "${title}" experience and`;
  return {
    text,
    change: `Rewrote the summary to lead with${leadWith} ${count(leadSkills.length, "matching skill")} from your resume`,
  };
}

function leadSentence(title: string | undefined, skills: string[]): string | undefined {
  if (skills.length === 0) return undefined;
  return title === undefined
    ? `Skilled in ${listPhrase(skills)}.`
    : `${title} — skilled in ${listPhrase(skills)}.`;
}

function listPhrase(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function count(amount: number, noun: string): string {
  return `${amount} ${noun}${amount === 1 ? "" : "s"}`;
}

function describe(entry: ExperienceEntry): string {
  if (entry.title === "") return entry.company;
  return entry.company === "" ? entry.title : `${entry.title} at ${entry.company}`;
}

function sameOrder(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
