import {
  findSkills,
  type JobAnalysis,
  type MatchResult,
  matchResume,
  type ParsedResume,
  resumeToText,
} from "@hireloop/resume-core";
import { type MatchExplanationOutput, matchExplanationOutput } from "../schemas.ts";
import { resumeContent, skillsMissingFrom } from "./facts.ts";
import type { Task } from "./types.ts";

export interface ExplainMatchInput {
  resume: ParsedResume;
  job: JobAnalysis;
}

export interface ExplainedMatch {
  match: MatchResult;
  explanation: string;
}

const MAX_LISTED = 5;

/**
 * The score always comes from the rules (deterministic, the same for every provider); a model only
 * words the explanation, so a provider change never moves a user's score.
 */
export const explainMatchTask: Task<ExplainMatchInput, ExplainedMatch, MatchExplanationOutput> = {
  operation: "explain_match",
  prompt: "explain-match",
  maxOutputTokens: 600,
  schema: matchExplanationOutput,
  rules(input) {
    const match = matchResume(input.resume, input.job);
    return { match, explanation: explainByRules(match, input.job) };
  },
  modelInput: (input) => ({
    job: input.job,
    resume: resumeContent(input.resume),
    match: matchResume(input.resume, input.job),
  }),
  contact: (input) => input.resume.contact,
  accept(input, output) {
    // Skills the explanation names must come from the resume or the job: it may point at a gap,
    // never credit the person with a skill they did not list.
    const sources = `${resumeToText(input.resume)}\n${jobText(input.job)}`;
    const invented = skillsMissingFrom(sources, findSkills(output.explanation));
    if (invented.length > 0) return { rejected: "invented_facts", detail: `skills: ${invented.join(", ")}` };
    return { accepted: { match: matchResume(input.resume, input.job), explanation: output.explanation } };
  },
};

function jobText(job: JobAnalysis): string {
  return [
    job.title,
    ...job.requiredSkills,
    ...job.niceToHaveSkills,
    ...job.keywords,
    ...job.responsibilities,
  ].join("\n");
}

export function explainByRules(match: MatchResult, job: JobAnalysis): string {
  const { breakdown } = match;
  const total = match.matchedKeywords.length + match.missingKeywords.length;
  const role = job.title.trim() === "" ? "this job" : `the ${job.title.trim()} role`;
  const sentences = [
    `Your resume scores ${match.score}/100 for ${role}: keyword coverage ${breakdown.keywordCoverage}%, skills coverage ${breakdown.skillsCoverage}%, role fit ${breakdown.roleFit}%, field fit ${breakdown.fieldFit}%, experience fit ${breakdown.experienceFit}%, section completeness ${breakdown.sectionCompleteness}%.`,
  ];
  if (total > 0) {
    sentences.push(`It shows ${match.matchedKeywords.length} of the job's ${total} keywords.`);
  }
  if (match.matchedKeywords.length > 0) {
    sentences.push(`Strengths for this job: ${match.matchedKeywords.slice(0, MAX_LISTED).join(", ")}.`);
  }
  if (match.missingKeywords.length > 0) {
    sentences.push(
      `Not shown: ${match.missingKeywords.slice(0, MAX_LISTED).join(", ")} — add them only if you really have them.`,
    );
  }
  const [firstSuggestion] = match.suggestions;
  if (firstSuggestion) sentences.push(`${firstSuggestion.text}.`);
  return sentences.join(" ");
}
