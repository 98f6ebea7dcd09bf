import { analyzeJob, matchResume, parseResumeText } from "../src/index.ts";
import type { JobAnalysis, ParsedResume } from "../src/types.ts";
import { skillForms } from "./golden/load.ts";
import type { JobSource, ResumeSource } from "./golden/schema.ts";
import { fold } from "./metrics.ts";
import type { TextLayout } from "./render/text.ts";

export type Split = "tuning" | "held-out";

/** A mean over cases, per split. */
export interface Mean {
  sum: number;
  n: number;
}

/** Figures that are means, not counts: ranking quality and the share of true suggestions. */
export interface ScoreTable {
  kind: "matching";
  layout: string;
  documents: Record<Split, number>;
  scores: Record<string, Record<Split, Mean>>;
}

export const MATCHING_SCORES = ["precisionAt3", "ndcgAt10", "trueSuggestions"] as const;

/**
 * Matching read against the golden set. Ranking: for each job, the resumes of its split ranked by
 * match score; a resume of the job's profession is a fit (the set's fit label). Precision@3 and
 * nDCG@10 over binary fit; precision@3 looks at the top min(3, fits) places, so a job with fewer
 * than three fitting resumes in its split can still score 1 by ranking all of them first. Suggestions: for each job and each resume of its profession, every
 * suggestion that says a term is missing ("Add X…", "Mention X…", "If you have worked with X…",
 * "List X in your skills section…") is checked against what the resume's source says; the figure
 * is the share that is true.
 */
export function evaluateMatching(
  resumes: ResumeSource[],
  jobs: Array<JobSource & { text: string }>,
  layout: TextLayout,
  splitOf: (id: string) => Split,
): ScoreTable {
  const table: ScoreTable = {
    kind: "matching",
    layout: layout.name,
    documents: { tuning: 0, "held-out": 0 },
    scores: Object.fromEntries(
      MATCHING_SCORES.map((score) => [score, { tuning: { sum: 0, n: 0 }, "held-out": { sum: 0, n: 0 } }]),
    ),
  };
  const parsed = resumes.map((source) => ({ source, resume: parseResumeText(layout.render(source).text) }));
  const add = (score: (typeof MATCHING_SCORES)[number], split: Split, value: number, n = 1) => {
    const mean = table.scores[score]?.[split];
    if (!mean) return;
    mean.sum += value;
    mean.n += n;
  };
  for (const job of jobs) {
    const split = splitOf(job.id);
    const pool = parsed.filter(({ source }) => splitOf(source.id) === split);
    const fits = pool.filter(({ source }) => source.profession === job.profession);
    if (fits.length === 0) continue;
    table.documents[split]++;
    const analysis = analyzeJob(job.text);
    const ranked = pool
      .map(({ source, resume }) => ({ source, score: matchResume(resume, analysis).score }))
      .sort((a, b) => b.score - a.score || a.source.id.localeCompare(b.source.id));
    const fit = ranked.map(({ source }) => (source.profession === job.profession ? 1 : 0));
    const depth = Math.min(3, fits.length);
    add("precisionAt3", split, fit.slice(0, depth).reduce((sum: number, gain) => sum + gain, 0) / depth);
    add("ndcgAt10", split, ndcg(fit, fits.length, 10));
    for (const { source, resume } of fits) {
      const { judged, untrue } = judgeSuggestions(resume, analysis, source);
      add("trueSuggestions", split, judged - untrue, judged);
    }
  }
  return table;
}

function ndcg(gains: number[], relevant: number, depth: number): number {
  const dcg = (values: number[]) =>
    values.slice(0, depth).reduce((sum, gain, index) => sum + gain / Math.log2(index + 2), 0);
  const ideal = dcg(Array.from({ length: Math.min(relevant, depth) }, () => 1));
  return ideal === 0 ? 0 : dcg(gains) / ideal;
}

const SAYS_MISSING = [
  /^Add (.+) to your skills section if you have used it$/,
  /^If you have worked with (.+), mention it/,
  /^Mention (.+) if it applies to your experience$/,
];
const SAYS_UNLISTED = /^List (.+) in your skills section; your experience already shows it$/;

/** Each name under every name a reader takes as the same skill (golden/skill-forms.json). */
const formsOf = new Map(
  skillForms().flatMap((names) => names.map((name): [string, string[]] => [fold(name), names.map(fold)])),
);

function mentions(text: string, term: string): boolean {
  const haystack = ` ${fold(text).replace(/[^\p{L}\p{N}+#/.&-]+/gu, " ")} `;
  return (formsOf.get(fold(term)) ?? [fold(term)]).some((form) => haystack.includes(` ${form} `));
}

function judgeSuggestions(resume: ParsedResume, job: JobAnalysis, source: ResumeSource) {
  const everything = [
    source.headline ?? "",
    source.summary,
    ...source.experience.flatMap((role) => [role.title, role.company, ...role.bullets]),
    ...source.education.flatMap((school) => [school.institution, school.degree ?? "", ...school.details]),
    ...source.skills.flatMap((group) => group.items),
    ...source.sections.flatMap((section) => section.entries),
  ].join(" \n ");
  const skills = source.skills.flatMap((group) => group.items).join(" \n ");
  let judged = 0;
  let untrue = 0;
  for (const { text: suggestion } of matchResume(resume, job).suggestions) {
    const missing = SAYS_MISSING.map((pattern) => pattern.exec(suggestion)?.[1]).find(Boolean);
    const unlisted = SAYS_UNLISTED.exec(suggestion)?.[1];
    if (missing !== undefined) {
      judged++;
      if (mentions(everything, missing)) untrue++;
    } else if (unlisted !== undefined) {
      judged++;
      if (mentions(skills, unlisted)) untrue++;
    }
  }
  return { judged, untrue };
}
