import { analyzeJob, type JobAnalysis } from "@hireloop/resume-core";
import { type JobAnalysisOutput, jobAnalysisOutput } from "../schemas.ts";
import { skillsMissingFrom } from "./facts.ts";
import type { Task } from "./types.ts";

export interface AnalyzeJobInput {
  jobText: string;
  title: string;
}

export const analyzeJobTask: Task<AnalyzeJobInput, JobAnalysis, JobAnalysisOutput> = {
  operation: "analyze_job",
  prompt: "analyze-job",
  maxOutputTokens: 1_500,
  schema: jobAnalysisOutput,
  rules: (input) => analyzeJob(input.jobText, input.title || undefined),
  modelInput: (input) => ({ jobText: input.jobText, title: input.title }),
  contact: () => undefined,
  accept(input, output) {
    // A skill the posting never names would make every later match and tailoring step wrong.
    const invented = skillsMissingFrom(`${input.title}\n${input.jobText}`, [
      ...output.requiredSkills,
      ...output.niceToHaveSkills,
    ]);
    if (invented.length > 0) return { rejected: "invented_facts", detail: `skills: ${invented.join(", ")}` };
    return { accepted: { ...output, title: input.title.trim() || output.title } };
  },
};
