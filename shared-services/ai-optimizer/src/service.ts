import { type CallContext, type Handlers, ServiceFailure, status } from "@hireloop/grpc";
import {
  type AiOptimizerServiceServer,
  type Caller,
  RoastMode,
  type RoastResumeResponse,
  RoastStyle,
  Tier,
} from "@hireloop/proto/ai";
import { fromWireJob, fromWireResume, toWireJob, toWireMatch, toWireTailored } from "@hireloop/proto/convert";
import type { JobAnalysis, Resume } from "@hireloop/proto/resume";
import type { Tier as BudgetTier } from "./budget.ts";
import { type CallerInfo, type ModelMode, type PipelineDeps, runTask, type UsageInfo } from "./pipeline.ts";
import type { RoastStyleName } from "./roast/rules.ts";
import { analyzeJobTask } from "./tasks/analyze-job.ts";
import { explainMatchTask } from "./tasks/explain-match.ts";
import { roastResumeTask } from "./tasks/roast-resume.ts";
import { tailorResumeTask } from "./tasks/tailor-resume.ts";

/** Inputs beyond these sizes are refused: a model call's cost grows with them. */
const MAX_JOB_TEXT_CHARS = 60_000;
const MAX_RESUME_TEXT_CHARS = 60_000;

const STYLES: Partial<Record<RoastStyle, RoastStyleName>> = {
  [RoastStyle.ROAST_STYLE_UNSPECIFIED]: "honest",
  [RoastStyle.ROAST_STYLE_GENTLE]: "gentle",
  [RoastStyle.ROAST_STYLE_HONEST]: "honest",
  [RoastStyle.ROAST_STYLE_SAVAGE]: "savage",
};
const MODES: Partial<Record<RoastMode, ModelMode>> = {
  [RoastMode.ROAST_MODE_UNSPECIFIED]: "auto",
  [RoastMode.ROAST_MODE_RULES]: "rules",
  [RoastMode.ROAST_MODE_MODEL]: "model",
};

/** The gRPC handlers: validate at the edge, convert, run the pipeline, convert back. */
export function createAiOptimizerHandlers(deps: PipelineDeps): Handlers<AiOptimizerServiceServer> {
  const run = <In, Out, ModelOut>(
    task: Parameters<typeof runTask<In, Out, ModelOut>>[1],
    input: In,
    caller: CallerInfo,
    call: CallContext,
    mode: ModelMode = "auto",
  ) =>
    runTask(deps, task, input, {
      caller,
      mode,
      signal: call.signal,
      remainingMs: call.remainingMs,
      logger: call.logger,
    });

  return {
    async analyzeJob(request, call) {
      const caller = callerOf(request.caller);
      if (request.jobText.trim() === "") invalid("job_text is empty");
      if (request.jobText.length > MAX_JOB_TEXT_CHARS)
        invalid(`job_text is over ${MAX_JOB_TEXT_CHARS} characters`);
      const { answer, usage } = await run(
        analyzeJobTask,
        { jobText: request.jobText, title: request.title },
        caller,
        call,
      );
      return { analysis: toWireJob(answer), usage: usageToProto(usage) };
    },
    async tailorResume(request, call) {
      const caller = callerOf(request.caller);
      const input = { resume: resumeOf(request.resume), job: jobOf(request.job) };
      const { answer, usage } = await run(tailorResumeTask, input, caller, call);
      return { tailored: toWireTailored(answer), usage: usageToProto(usage) };
    },
    async explainMatch(request, call) {
      const caller = callerOf(request.caller);
      const input = { resume: resumeOf(request.resume), job: jobOf(request.job) };
      const { answer, usage } = await run(explainMatchTask, input, caller, call);
      return {
        match: toWireMatch(answer.match),
        explanation: answer.explanation,
        usage: usageToProto(usage),
      };
    },
    async roastResume(request, call): Promise<RoastResumeResponse> {
      const caller = callerOf(request.caller);
      const style = STYLES[request.style];
      const mode = MODES[request.mode];
      if (!style) invalid("unknown roast style");
      if (!mode) invalid("unknown roast mode");
      const { answer, usage } = await run(
        roastResumeTask,
        { resume: resumeOf(request.resume), style },
        caller,
        call,
        mode,
      );
      return { ...answer, usage: usageToProto(usage) };
    },
  };
}

function callerOf(caller: Caller | undefined): CallerInfo {
  if (!caller || caller.userId.trim() === "") invalid("caller.user_id is required: budgets are per user");
  const tier: BudgetTier = caller.tier === Tier.TIER_PREMIUM ? "premium" : "free";
  return { userId: caller.userId, cell: caller.cell || "unknown", tier };
}

function resumeOf(resume: Resume | undefined) {
  if (!resume) invalid("resume is required");
  const parsed = fromWireResume(resume);
  if (parsed.text.length > MAX_RESUME_TEXT_CHARS)
    invalid(`resume text is over ${MAX_RESUME_TEXT_CHARS} characters`);
  return parsed;
}

function jobOf(job: JobAnalysis | undefined) {
  if (!job) invalid("job is required (an analysis from AnalyzeJob)");
  return fromWireJob(job);
}

function usageToProto(usage: UsageInfo) {
  return { ...usage, fallbacks: usage.fallbacks.map((fallback) => ({ ...fallback })) };
}

function invalid(message: string): never {
  throw new ServiceFailure("invalid_request", status.INVALID_ARGUMENT, message);
}
