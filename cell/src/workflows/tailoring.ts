import { randomUUID } from "node:crypto";
import {
  type DocumentFormat,
  findInventions,
  type JobAnalysis,
  matchResume,
  type ParsedResume,
  type TailoredResume,
} from "@hireloop/resume-core";
import { and, eq } from "drizzle-orm";
import type { Transaction } from "../db/client.ts";
import { jobs, resumes, tailorings } from "../db/schema/index.ts";
import { analyzeJobText, callerOf, type Tiered, tailorForJob } from "../shared-services/ai.ts";
import { renderDocument } from "../shared-services/pdf.ts";
import { type StepContext, StepFailure, type WorkflowDefinition } from "./definition.ts";

export interface TailoringInput extends Record<string, unknown> {
  resumeId: string;
  jobId: string;
  format: DocumentFormat;
  /** Absent in workflows started before tiers existed: they count as free. */
  tier?: Tiered;
}

async function loadSources(ctx: StepContext) {
  const input = ctx.input as TailoringInput;
  const { db } = ctx.services;
  const [resume] = await db
    .select()
    .from(resumes)
    .where(and(eq(resumes.id, input.resumeId), eq(resumes.tenantId, ctx.tenantId)));
  const [job] = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, input.jobId), eq(jobs.tenantId, ctx.tenantId)));
  if (!resume || !job) throw new StepFailure("source_missing", "the resume or the job no longer exists");
  return { input, resume, job };
}

const callerFor = (ctx: StepContext) =>
  callerOf(ctx.tenantId, ctx.services.config.cellId, (ctx.input as TailoringInput).tier ?? "free");

/**
 * analyze → tailor → render: the job seeker's honest resume for one job, as PDF or DOCX. The
 * ai-optimizer service analyzes and tailors, the pdf service renders; while one of them is down the
 * step waits for it (see runner.ts) instead of failing.
 */
export const tailoringWorkflow: WorkflowDefinition = {
  kind: "tailoring",
  steps: [
    {
      name: "analyze",
      weight: 20,
      async run(ctx) {
        const { resume, job } = await loadSources(ctx);
        const { analysis, usage } = await analyzeJobText(
          ctx.services.channels,
          callerFor(ctx),
          job,
          ctx.signal,
        );
        return {
          output: { analysis, scoreBefore: matchResume(resume.parsed, analysis).score, usage: usage ?? null },
        };
      },
      // The analysis stored when the job was posted is older but valid.
      async fallback(ctx) {
        const { resume, job } = await loadSources(ctx);
        return {
          output: { analysis: job.analysis, scoreBefore: matchResume(resume.parsed, job.analysis).score },
        };
      },
    },
    {
      name: "tailor",
      weight: 40,
      async run(ctx) {
        const { resume } = await loadSources(ctx);
        const analysis = ctx.outputs.analyze?.analysis as JobAnalysis;
        const { tailored, usage } = await tailorForJob(
          ctx.services.channels,
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
            scoreAfter: matchResume(tailored.resume, analysis).score,
            usage: usage ?? null,
          },
        };
      },
      // The untouched source resume is always honest.
      async fallback(ctx) {
        const { resume } = await loadSources(ctx);
        const analysis = ctx.outputs.analyze?.analysis as JobAnalysis;
        const tailored: TailoredResume = {
          resume: resume.parsed,
          emphasizedSkills: [],
          changes: ["Tailoring was not possible; this is your original resume."],
          edits: [],
        };
        return { output: { tailored, scoreAfter: matchResume(resume.parsed, analysis).score } };
      },
    },
    {
      name: "render",
      weight: 40,
      run: (ctx) => renderStep(ctx, "classic"),
      fallback: (ctx) => renderStep(ctx, "compact"),
    },
  ],
};

async function renderStep(ctx: StepContext, template: "classic" | "compact") {
  const input = ctx.input as TailoringInput;
  const tailored = ctx.outputs.tailor?.tailored as TailoredResume;
  // A one-page resume stays one page: the document takes no more pages than its source does.
  const { resume: source } = await loadSources(ctx);
  const rendered = await renderDocument(ctx.services.channels, tailored.resume, input.format, template, {
    noLongerThan: source.parsed,
    signal: ctx.signal,
  });
  const { document, contentType } = rendered;
  const filename = documentFilename(tailored.resume, input.format);
  const output = { template: rendered.template, filename, sizeBytes: document.byteLength };
  return {
    output,
    persist: async (tx: Transaction) => {
      const tailoringId = randomUUID();
      await tx.insert(tailorings).values({
        id: tailoringId,
        tenantId: ctx.tenantId,
        workflowId: ctx.workflowId,
        resumeId: input.resumeId,
        jobId: input.jobId,
        format: input.format,
        contentType,
        filename,
        document,
        tailored: tailored as unknown as Record<string, unknown>,
        scoreBefore: ctx.outputs.analyze?.scoreBefore as number,
        scoreAfter: ctx.outputs.tailor?.scoreAfter as number,
      });
      await ctx.services.events.record(tx, ctx.tenantId, "tailoring.completed", {
        tailoringId,
        workflowId: ctx.workflowId,
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
