import { type Field, fieldOfSkill } from "./taxonomy.ts";
import { foldCase } from "./terms.ts";
import type { ExperienceEntry } from "./types.ts";

/**
 * Job-title words that say nothing about the kind of work, levels included: a title is compared by
 * the work it names, so a more recent, higher title is not passed over for an older, lower one
 * that happens to repeat the job's level word ("Senior", "Sous", "Lead").
 */
const TITLE_STOP_WORDS = new Set([
  ...["and", "for", "the", "with", "of", "in", "at", "level", "mid", "ii", "iii", "iv", "i"],
  ...["junior", "jr", "senior", "sr", "lead", "principal", "staff", "head", "chief", "executive", "sous"],
  ...["intern", "trainee", "assistant", "associate", "vice", "president", "vp", "entry"],
]);
/**
 * Words are compared by a stem: one common ending off, then a short prefix, so "Teaching" matches
 * "Teacher", "Nurse" "Nursing", "Management" "Manager" and "Accounting" "Accountant".
 */
const STEM_LENGTH = 6;
const ENDING = /(?:ing|ers|er|or|ist|ian|ics|ment|al|s)$/u;

function stemOf(word: string): string {
  const stem = word.replace(ENDING, "");
  return (stem.length >= 3 ? stem : word).slice(0, STEM_LENGTH).replace(/(?<=...)e$/u, "");
}

/**
 * Role abbreviations as titles write them ("Travel RN", "SWE II", "Senior AE"), compared by the
 * words they stand for.
 */
const ROLE_ABBREVIATIONS: Record<string, string> = {
  rn: "registered nurse",
  lpn: "licensed practical nurse",
  lvn: "licensed vocational nurse",
  cna: "certified nursing assistant",
  np: "nurse practitioner",
  aprn: "advanced practice registered nurse",
  emt: "emergency medical technician",
  swe: "software engineer",
  sre: "site reliability engineer",
  sdr: "sales development representative",
  bdr: "business development representative",
  ae: "account executive",
  cpa: "certified public accountant",
  hr: "human resources",
};

/** The words of a title that name the work, each by its stem, in the order written. */
export function titleStems(title: string): string[] {
  const words = foldCase(title)
    .split(/[^\p{L}\p{N}+#]+/u)
    .flatMap((word) => ROLE_ABBREVIATIONS[word]?.split(" ") ?? [word]);
  return [...new Set(words.filter((word) => word.length > 1 && !TITLE_STOP_WORDS.has(word)).map(stemOf))];
}

/**
 * The stems of a job title, each with its weight: the role noun (the last word that names the
 * work before any comma, dash or parenthesis: "Engineer" of "Senior Backend Engineer, Payments")
 * counts as much as all the others together, because every resume of the role names it and a
 * qualifier ("Payments", "Web Performance") narrows the role without changing it.
 */
function weightedStems(jobTitle: string): Map<string, number> {
  const core = jobTitle.split(/\s*(?:\(|,|–|—|\s-\s|\||:)\s*/u)[0] ?? "";
  const noun = titleStems(core).at(-1);
  const others = titleStems(jobTitle).filter((stem) => stem !== noun);
  const weights = new Map(others.map((stem) => [stem, 1]));
  if (noun !== undefined) weights.set(noun, Math.max(1, others.length));
  return weights;
}

/** The last job title's stems: a recruiter's batch scores many resumes against one job. */
let lastJob: { title: string; weights: Map<string, number> } | undefined;

function stemsOfJob(jobTitle: string): Map<string, number> {
  if (lastJob?.title !== jobTitle) lastJob = { title: jobTitle, weights: weightedStems(jobTitle) };
  return lastJob.weights;
}

/**
 * Kinds of work whose titles name one another's qualifiers: a "Data Analyst" is part of the way to
 * a "Machine Learning Engineer", a "Backend Developer" to a "Platform Engineer".
 */
const ROLE_FAMILIES = [
  "data analytics analyst machine learning ml ai bi statistics scientist insights intelligence",
  "software backend frontend fullstack full stack web platform mobile ios android devops infrastructure cloud embedded firmware qa test application reliability",
].map((family) => new Set(family.split(" ").map(stemOf)));

/** 0–100: how much of the job title's weighted stems the title names; a qualifier of its family, half. */
function overlap(weights: Map<string, number>, titleStems: readonly string[]): number {
  let total = 0;
  for (const weight of weights.values()) total += weight;
  if (total === 0) return 0;
  const stems = new Set(titleStems);
  const families = ROLE_FAMILIES.filter((family) => titleStems.some((stem) => family.has(stem)));
  let found = 0;
  for (const [stem, weight] of weights) {
    if (stems.has(stem)) found += weight;
    else if (families.some((family) => family.has(stem))) found += weight / 2;
  }
  return Math.round((100 * found) / total);
}

/**
 * The stems of each title compared with a job's: the headline and the experience titles,
 * else the summary's first sentence.
 */
export function roleTitleStems(experience: ExperienceEntry[], summary: string, headline = ""): string[][] {
  const titles = [headline, ...experience.map((entry) => entry.title)].filter((title) => title.trim() !== "");
  const candidates = titles.length > 0 ? titles : [summary.split(/(?<=[.!?])\s/u)[0] ?? ""];
  return candidates.map(titleStems);
}

/**
 * 0–100: how closely the resume's own titles name the job's role — the best of its headline and
 * experience titles (roleTitleStems), weighted as above. A resume without either (a student's
 * first resume) is judged on the summary's first sentence.
 */
export function roleFitOfStems(titles: readonly (readonly string[])[], jobTitle: string): number {
  const weights = stemsOfJob(jobTitle);
  let best = 0;
  for (const stems of titles) best = Math.max(best, overlap(weights, stems));
  return best;
}

/** The title naming the job's kind of work most closely; the most recent (listed first) on a tie. */
export function mostRelevantTitle(experience: ExperienceEntry[], jobTitle: string): string | undefined {
  const jobStems = new Set(titleStems(jobTitle));
  let best: { title: string; overlap: number } | undefined;
  for (const { title } of experience) {
    if (title.trim() === "") continue;
    const shared = titleStems(title).filter((stem) => jobStems.has(stem)).length;
    if (best === undefined || shared > best.overlap) best = { title: title.trim(), overlap: shared };
  }
  return best?.title;
}

/** Shares of each field of work among skills, leaving out the skills every field lists. */
function fieldShares(skills: Iterable<string>): Map<Field, number> {
  const counts = new Map<Field, number>();
  let total = 0;
  for (const skill of skills) {
    const field = fieldOfSkill.get(skill);
    if (field === undefined || field === "general") continue;
    counts.set(field, (counts.get(field) ?? 0) + 1);
    total++;
  }
  for (const [field, count] of counts) counts.set(field, count / total);
  return counts;
}

/**
 * 0–100: how much the resume's skills lie in the job's fields of work (a histogram intersection of
 * the two shares), so a sous chef's resume sits nearer a kitchen job than a designer's does even
 * when neither names the job's exact tools. Undefined for a job that names no skill of a field.
 */
export function fieldFit(jobSkills: Iterable<string>, resumeSkills: Iterable<string>): number | undefined {
  const job = fieldShares(jobSkills);
  if (job.size === 0) return undefined;
  const resume = fieldShares(resumeSkills);
  let shared = 0;
  for (const [field, share] of job) shared += Math.min(share, resume.get(field) ?? 0);
  return Math.round(100 * shared);
}
