import {
  findInventions,
  type JobAnalysis,
  type ParsedResume,
  resumeToText,
  type TailoredResume,
  tailoringEdits,
  tailorResume,
} from "@hireloop/resume-core";
import { type TailoredResumeOutput, tailoredResumeOutput } from "../schemas.ts";
import { resumeContent, skillKey } from "./facts.ts";
import type { Task } from "./types.ts";

export interface TailorResumeInput {
  resume: ParsedResume;
  job: JobAnalysis;
}

export const tailorResumeTask: Task<TailorResumeInput, TailoredResume, TailoredResumeOutput> = {
  operation: "tailor_resume",
  prompt: "tailor-resume",
  maxOutputTokens: 4_000,
  schema: tailoredResumeOutput,
  rules: (input) => tailorResume(input.resume, input.job),
  modelInput: (input) => ({ job: input.job, resume: resumeContent(input.resume) }),
  contact: (input) => input.resume.contact,
  accept(input, output) {
    // The contact block never went to the model, and its text is rebuilt from the fields so the
    // invention check reads exactly what the user will get.
    const resume: ParsedResume = { ...output.resume, contact: input.resume.contact, text: "" };
    resume.text = resumeToText(resume);
    const inventions = findInventions(input.resume, resume);
    if (inventions.length > 0) {
      const detail = inventions.map((invention) => `${invention.kind}: ${invention.value}`).join("; ");
      return { rejected: "invented_facts", detail };
    }
    const listed = new Set(resume.skills.map(skillKey));
    return {
      accepted: {
        resume,
        emphasizedSkills: output.emphasizedSkills.filter((skill) => listed.has(skillKey(skill))),
        changes: output.changes,
        edits: tailoringEdits(input.resume, resume, input.job),
      },
    };
  },
};
