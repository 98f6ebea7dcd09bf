import { fitOfYears, yearsOfSpans } from "./experience-fit.ts";
import {
  compileTerm,
  evidenceOf,
  type JobPhrases,
  type JobTerm,
  jobPhrases,
  nameOf,
  type ResumeEvidence,
  resumeShows,
} from "./match-evidence.ts";
import { isCurrentProfile, type MatchProfile, profileResume } from "./match-profile.ts";
import { suggestImprovements } from "./match-suggestions.ts";
import { fieldFit, roleFitOfStems } from "./role-fit.ts";
import type { JobAnalysis, MatchBreakdown, MatchResult, MatchScore, ParsedResume } from "./types.ts";

export const MATCH_WEIGHTS = {
  keywordCoverage: 0.25,
  skillsCoverage: 0.2,
  roleFit: 0.15,
  fieldFit: 0.25,
  sectionCompleteness: 0.05,
  experienceFit: 0.1,
} as const;

interface CompiledJob {
  fingerprint: string;
  keywords: JobTerm[];
  required: JobTerm[];
  niceToHave: JobTerm[];
  /** Canonical names of the skills among the job's terms. */
  skillNames: string[];
  /** The non-skill terms, looked up word by word in each resume. */
  phrases: JobPhrases;
}

/**
 * Compiled jobs, keyed by the analysis object: a recruiter scores hundreds of resumes against one
 * job. The fingerprint catches an analysis that was changed after it was first used.
 */
const compiledJobs = new WeakMap<JobAnalysis, CompiledJob>();

function fingerprintOf(job: JobAnalysis): string {
  return [job.keywords, job.requiredSkills, job.niceToHaveSkills]
    .map((list) => list.join("\u0000"))
    .join("\u0001");
}

/** Skills once each by canonical name; a skill in both lists counts as required. */
function compileSkills(skills: string[], exclude: JobTerm[] = []): JobTerm[] {
  const seen = new Set(exclude.map(nameOf));
  return skills.map(compileTerm).filter((term) => {
    if (seen.has(nameOf(term))) return false;
    seen.add(nameOf(term));
    return true;
  });
}

function compileJob(job: JobAnalysis): CompiledJob {
  const fingerprint = fingerprintOf(job);
  const cached = compiledJobs.get(job);
  if (cached?.fingerprint === fingerprint) return cached;
  const keywords = job.keywords.map(compileTerm);
  const required = compileSkills(job.requiredSkills);
  const niceToHave = compileSkills(job.niceToHaveSkills, required);
  const compiled: CompiledJob = {
    fingerprint,
    keywords,
    required,
    niceToHave,
    skillNames: [
      ...new Set([...keywords, ...required, ...niceToHave].flatMap((term) => term.canonical ?? [])),
    ],
    phrases: jobPhrases([...keywords, ...required, ...niceToHave]),
  };
  compiledJobs.set(job, compiled);
  return compiled;
}

function percent(part: number, whole: number): number {
  return Math.round((100 * part) / whole);
}

/**
 * Scores how well a resume covers a job, with the breakdown documented in types.ts: keyword
 * coverage (weight 0.25), skills coverage with required skills counting double (0.2), role fit of
 * the resume's titles (0.15), field fit of its skills (0.25), experience fit of its dates (0.1)
 * and section completeness (0.05); each
 * part is a 0–100 integer and the score is their weighted sum, rounded. Coverage alone ranks a
 * resume that shares a few generic terms with the job level with one from the job's own field;
 * the fits are what put same-role resumes first (ADR 0024).
 * Suggestions point at what the resume already shows, or ask the person to add a skill only if
 * they have it; they never put words in the resume.
 *
 * `profile` is the resume's stored match profile; one of another version, or none, is read
 * again from the resume.
 */
export function matchResume(resume: ParsedResume, job: JobAnalysis, profile?: unknown): MatchResult {
  const current = isCurrentProfile(profile) ? profile : profileResume(resume);
  const compiled = compileJob(job);
  const evidence = evidenceOf(current, compiled.phrases);
  const scored = scoreEvidence(compiled, evidence, current, job, new Date());
  const suggestions = suggestImprovements({
    resume,
    job,
    evidence,
    required: compiled.required,
    niceToHave: compiled.niceToHave,
    missingKeywords: compiled.keywords.filter((term) => !resumeShows(evidence, term)),
  });
  return { ...scored, suggestions };
}

/**
 * The score alone, from a resume's match profile (match-profile.ts) and no text: what ranking many
 * resumes against one job needs. The caller keeps the profile current (isCurrentProfile).
 */
export function scoreMatch(profile: MatchProfile, job: JobAnalysis, now = new Date()): MatchScore {
  const compiled = compileJob(job);
  return scoreEvidence(compiled, evidenceOf(profile, compiled.phrases), profile, job, now);
}

function scoreEvidence(
  compiled: CompiledJob,
  evidence: ResumeEvidence,
  profile: MatchProfile,
  job: JobAnalysis,
  now: Date,
): MatchScore {
  const shows = (term: JobTerm) => resumeShows(evidence, term);
  const matchedKeywords: string[] = [];
  const missingKeywords: string[] = [];
  for (const term of compiled.keywords) (shows(term) ? matchedKeywords : missingKeywords).push(term.term);

  // A job in which the analysis found no terms gives no evidence of fit: 0, not a vacuous 100 that
  // would rank a posting we could not read above every real match. A job that names no skills is
  // judged on its keywords alone.
  const keywordCoverage =
    compiled.keywords.length === 0 ? 0 : percent(matchedKeywords.length, compiled.keywords.length);
  const skillWeight = 2 * compiled.required.length + compiled.niceToHave.length;
  // A title naming the job's role counts as far as the resume works in the job's field: an
  // "Account Manager" is not most of the way to a "Front Office Manager" (ADR 0024).
  const field = fieldFit(compiled.skillNames, evidence.skills);
  const title = roleFitOfStems(profile.titles, job.title);
  const breakdown: MatchBreakdown = {
    keywordCoverage,
    skillsCoverage:
      skillWeight === 0
        ? keywordCoverage
        : percent(
            2 * compiled.required.filter(shows).length + compiled.niceToHave.filter(shows).length,
            skillWeight,
          ),
    roleFit: field === undefined ? title : percent(title * field, 100 * 100),
    fieldFit: field ?? 0,
    sectionCompleteness: percent(profile.sections, 5),
    experienceFit: compiled.keywords.length === 0 ? 0 : fitOfYears(yearsOfSpans(profile.spans, now), job),
  };
  const score = Math.round(
    MATCH_WEIGHTS.keywordCoverage * breakdown.keywordCoverage +
      MATCH_WEIGHTS.skillsCoverage * breakdown.skillsCoverage +
      MATCH_WEIGHTS.roleFit * breakdown.roleFit +
      MATCH_WEIGHTS.fieldFit * breakdown.fieldFit +
      MATCH_WEIGHTS.sectionCompleteness * breakdown.sectionCompleteness +
      MATCH_WEIGHTS.experienceFit * breakdown.experienceFit,
  );
  return { score, breakdown, matchedKeywords, missingKeywords };
}
