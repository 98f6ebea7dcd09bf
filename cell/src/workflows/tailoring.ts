import { randomUUID } from "node:crypto";
import {
  type DocumentFormat,
  findInventions,
  isCurrentProfile,
  type JobAnalysis,
  type ParsedResume,
  profileResume,
  scoreMatch,
  type TailoredResume,
} from "@hireloop/resume-core";
import type { z } from "zod";
import { tailorings } from "../db/schema/index.ts";
import { analyzeJobText, callerOf, tailorForJob, type Usage } from "../shared-services/ai.ts";
import { renderDocument } from "../shared-services/pdf.ts";
import { loadJob, loadResume } from "../use-cases/loaders.ts";
import { defineWorkflow, type StepContext, StepFailure, type StepResult, stillThere } from "./definition.ts";
import { workflowInputs } from "./inputs.ts";

type TailoringInput = z.output<typeof workflowInputs.tailoring>;

interface TailoringOutputs {
  analyze: { analysis: JobAnalysis; scoreBefore: number; usage?: Usage | null };
  tailor: { tailored: TailoredResume; scoreAfter: number; usage?: Usage | null };
  render: { template: string; filename: string; sizeBytes: number };
}

type Ctx = StepContext<TailoringInput, TailoringOutputs>;

const sourceResume = (ctx: Ctx) => stillThere("resume", loadResume(ctx, ctx.input.resumeId));
const sourceJob = (ctx: Ctx) => stillThere("job", loadJob(ctx, ctx.input.jobId));
const callerFor = (ctx: Ctx) => callerOf(ctx.tenantId, ctx.deps.config.cellId, ctx.input.tier);

/**
 * analyze → tailor → render: the job seeker's honest resume for one job, as PDF or DOCX. The
 * ai-optimizer service analyzes and tailors, the pdf service renders; while one of them is down the
 * step waits for it (see runner.ts) instead of failing.
 */
export const tailoringWorkflow = defineWorkflow<TailoringInput, TailoringOutputs>({
  kind: "tailoring",
  input: workflowInputs.tailoring,
  steps: [
    {
      name: "analyze",
      weight: 20,
      async run(ctx) {
        const [resume, job] = await Promise.all([sourceResume(ctx), sourceJob(ctx)]);
        const { analysis, usage } = await analyzeJobText(ctx.deps.channels, callerFor(ctx), job, ctx.signal);
        return {
          output: {
            analysis,
            scoreBefore: scoreOf(resume.parsed, analysis, resume.matchProfile),
            usage: usage ?? null,
          },
        };
      },
      // The analysis stored when the job was posted is older but valid.
      async fallback(ctx) {
        const [resume, job] = await Promise.all([sourceResume(ctx), sourceJob(ctx)]);
        return {
          output: {
            analysis: job.analysis,
            scoreBefore: scoreOf(resume.parsed, job.analysis, resume.matchProfile),
          },
        };
      },
    },
    {
      name: "tailor",
      weight: 40,
      async run(ctx) {
        const resume = await sourceResume(ctx);
        const { analysis } = ctx.outputOf("analyze");
        const { tailored, usage } = await tailorForJob(
          ctx.deps.channels,
          callerFor(ctx),
          resume.parsed,
          analysis,
          ctx.signal,
        );
        // The service checks this too; the cell never stores a resume that claims more than its source.
        const inventions = findInventions(resume.parsed, tailored.resume);
        if (inventions.length > 0) {
          const list = inventions.map((i) => `${i.kind} "${i.value}"`).join(", ");
          throw new StepFailure("tailoring_invented_content", `tailoring introduced ${list}`);
        }
        return {
          output: {
            tailored,
            scoreAfter: scoreOf(tailored.resume, analysis),
            usage: usage ?? null,
          },
        };
      },
      // The untouched source resume is always honest.
      async fallback(ctx) {
        const resume = await sourceResume(ctx);
        const { analysis } = ctx.outputOf("analyze");
        const tailored: TailoredResume = {
          resume: resume.parsed,
          emphasizedSkills: [],
          changes: ["Tailoring was not possible; this is your original resume."],
          edits: [],
        };
        return {
          output: { tailored, scoreAfter: scoreOf(resume.parsed, analysis, resume.matchProfile) },
        };
      },
    },
    {
      name: "render",
      weight: 40,
      run: (ctx) => renderStep(ctx, "classic"),
      fallback: (ctx) => renderStep(ctx, "compact"),
    },
  ],
});

async function renderStep(
  ctx: Ctx,
  template: "classic" | "compact",
): Promise<StepResult<TailoringOutputs["render"]>> {
  const { input, tenantId, workflowId } = ctx;
  const { scoreBefore } = ctx.outputOf("analyze");
  const { tailored, scoreAfter } = ctx.outputOf("tailor");
  // A one-page resume stays one page: the document takes no more pages than its source does.
  const source = await sourceResume(ctx);
  const rendered = await renderDocument(ctx.deps.channels, tailored.resume, input.format, template, {
    noLongerThan: source.parsed,
    signal: ctx.signal,
  });
  const { document, contentType } = rendered;
  const filename = documentFilename(tailored.resume, input.format);
  return {
    output: { template: rendered.template, filename, sizeBytes: document.byteLength },
    persist: async (tx, record) => {
      const tailoringId = randomUUID();
      await tx.insert(tailorings).values({
        id: tailoringId,
        tenantId,
        workflowId,
        resumeId: input.resumeId,
        jobId: input.jobId,
        format: input.format,
        contentType,
        filename,
        document,
        tailored,
        scoreBefore,
        scoreAfter,
      });
      await record("tailoring.completed", {
        tailoringId,
        workflowId,
        format: input.format,
        sizeBytes: document.byteLength,
      });
      return { resultId: tailoringId };
    },
  };
}

function documentFilename(resume: ParsedResume, format: DocumentFormat): string {
  const base = resume.contact.name
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/\s+/g, "-")
    .toLowerCase();
  return `${base || "resume"}-tailored.${format}`;
}

/** A resume's match score, from its stored profile when that is current; no suggestions. */
function scoreOf(resume: ParsedResume, job: JobAnalysis, profile?: unknown): number {
  return scoreMatch(isCurrentProfile(profile) ? profile : profileResume(resume), job).score;
}
