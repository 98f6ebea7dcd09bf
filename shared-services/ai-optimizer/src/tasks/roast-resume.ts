import { type BulletRef, findSkills, type ParsedResume, resumeToText } from "@hireloop/resume-core";
import { findRoastFindings } from "../roast/findings.ts";
import { type Roast, type RoastStyleName, roastByRules } from "../roast/rules.ts";
import { type RoastOutput, roastOutput } from "../schemas.ts";
import { resumeContent, skillsMissingFrom } from "./facts.ts";
import type { Task } from "./types.ts";

export interface RoastResumeInput {
  resume: ParsedResume;
  style: RoastStyleName;
}

export const roastResumeTask: Task<RoastResumeInput, Roast, RoastOutput> = {
  operation: "roast_resume",
  prompt: "roast-resume",
  maxOutputTokens: 1_200,
  schema: roastOutput,
  rules: (input) => roastByRules(input.resume, input.style),
  // The model sees whether contact details exist, not what they are, and the rule findings to build on.
  modelInput: (input) => ({
    style: input.style,
    resume: resumeContent(input.resume),
    contact: {
      hasEmail: Boolean(input.resume.contact.email),
      hasPhone: Boolean(input.resume.contact.phone),
      links: input.resume.contact.links.length,
    },
    findings: findRoastFindings(input.resume),
  }),
  contact: (input) => input.resume.contact,
  accept(input, output) {
    const said = output.points.flatMap((point) => [point.remark, point.fix]).join("\n");
    const invented = skillsMissingFrom(resumeToText(input.resume), findSkills(`${output.headline}\n${said}`));
    if (invented.length > 0) return { rejected: "invented_facts", detail: `skills: ${invented.join(", ")}` };
    const points = output.points.map((point) => ({
      ...point,
      bullets: quotedBullets(input.resume, `${point.remark}\n${point.fix}`),
    }));
    return { accepted: { ...output, points } };
  },
};

/** A bullet is quoted when a point repeats its opening words (a remark may clip the rest). */
const QUOTE_PREFIX = 30;

/** The bullets a model's point quotes, so a point about bullets says which, as a rules point does. */
function quotedBullets(resume: ParsedResume, said: string): BulletRef[] {
  return resume.experience.flatMap((entry, role) =>
    entry.bullets
      .map((text, index) => ({ role, index, text }))
      .filter(({ text }) => text.trim().length > 0 && said.includes(text.trim().slice(0, QUOTE_PREFIX))),
  );
}
