import { ServiceFailure, status } from "@hireloop/grpc";
import type { Logger } from "@hireloop/observability";
import type { AuditLog } from "./audit.ts";
import type { Budgets, Tier } from "./budget.ts";
import type { AnswerCache } from "./cache.ts";
import type { AiMetrics } from "./metrics.ts";
import type { ModelRouter, RoutedProvider } from "./model-router.ts";
import type { PriceCatalog } from "./prices.ts";
import type { Prompt, PromptLibrary } from "./prompts.ts";
import { type FallbackReason, ProviderError } from "./providers/types.ts";
import { mapStrings, Redactor } from "./redaction.ts";
import { parseModelJson } from "./schemas.ts";
import type { Task } from "./tasks/types.ts";

/** Time kept back from the caller's deadline so the rules engine can still answer after a slow model. */
const RULES_RESERVE_MS = 200;
/** Below this much time left, a model call is not worth starting. */
const MIN_MODEL_MS = 250;

export const RULES_PROVIDER = { name: "rules", model: "rules-v1" } as const;

export interface CallerInfo {
  userId: string;
  cell: string;
  tier: Tier;
}

/** "rules": the rule-only answer; "model": the caller insists on a model (budget_exceeded if over budget). */
export type ModelMode = "auto" | "rules" | "model";

export interface RunContext {
  caller: CallerInfo;
  mode: ModelMode;
  signal: AbortSignal;
  remainingMs(): number;
  logger: Logger;
}

export interface Fallback {
  provider: string;
  reason: FallbackReason;
}

export interface UsageInfo {
  provider: string;
  model: string;
  cached: boolean;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
  fallbacks: Fallback[];
  promptVersion: string;
}

export interface PipelineDeps {
  router: ModelRouter;
  prompts: PromptLibrary;
  cache: AnswerCache;
  budgets: Budgets;
  audit: AuditLog;
  catalog: PriceCatalog;
  metrics: AiMetrics;
  malformedOutputRetries: number;
}

/** Spend and budget of one request, shared by the providers it tries. */
interface Ledger {
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
  /** Fetched before the first model call; undefined = Redis could not say. */
  remaining?: number | undefined;
  budgetRead: boolean;
}

type StepResult<Out> = { answer: Out; cached: boolean } | { reason: FallbackReason };

/**
 * Runs one operation down the chain: for each model, a cache lookup, then health and budget
 * checks, then the call on redacted input with schema validation (bounded retries on malformed
 * JSON), restoration of personal data and the task's honesty check. The rules engine ends the chain.
 */
export async function runTask<In, Out, ModelOut>(
  deps: PipelineDeps,
  task: Task<In, Out, ModelOut>,
  input: In,
  context: RunContext,
): Promise<{ answer: Out; usage: UsageInfo }> {
  const chain = context.mode === "rules" ? [] : deps.router.chainFor(context.caller.tier);
  const fallbacks: Fallback[] = [];
  const ledger: Ledger = { inputTokens: 0, outputTokens: 0, costMicroUsd: 0, budgetRead: false };

  if (chain.length > 0) {
    const prompt = deps.prompts.get(task.prompt);
    const redactor = new Redactor(task.contact(input));
    const redactedInput = mapStrings(task.modelInput(input), (text) => redactor.redact(text));
    for (const routed of chain) {
      const step = await tryModel(deps, task, input, context, {
        routed,
        prompt,
        redactor,
        redactedInput,
        ledger,
      });
      const { name, model } = routed.provider.config;
      if ("answer" in step) {
        deps.metrics.answers.inc({ operation: task.operation, provider: name, cached: String(step.cached) });
        return {
          answer: step.answer,
          usage: usageOf(name, model, step.cached, ledger, fallbacks, prompt.version),
        };
      }
      fallbacks.push({ provider: name, reason: step.reason });
      deps.metrics.fallbacks.inc({ operation: task.operation, provider: name, reason: step.reason });
      context.logger.info(
        { provider: name, reason: step.reason, operation: task.operation },
        "model fallback",
      );
    }
    if (context.mode === "model" && fallbacks.every((fallback) => fallback.reason === "budget")) {
      deps.metrics.budgetRefusals.inc({ tier: context.caller.tier });
      throw new ServiceFailure(
        "budget_exceeded",
        status.RESOURCE_EXHAUSTED,
        "today's model budget is spent; ask for the rule-based answer or try again tomorrow",
      );
    }
  }
  const answer = task.rules(input);
  deps.metrics.answers.inc({ operation: task.operation, provider: RULES_PROVIDER.name, cached: "false" });
  return { answer, usage: usageOf(RULES_PROVIDER.name, RULES_PROVIDER.model, false, ledger, fallbacks, "") };
}

interface Attempt {
  routed: RoutedProvider;
  prompt: Prompt;
  redactor: Redactor;
  redactedInput: unknown;
  ledger: Ledger;
}

async function tryModel<In, Out, ModelOut>(
  deps: PipelineDeps,
  task: Task<In, Out, ModelOut>,
  input: In,
  context: RunContext,
  attempt: Attempt,
): Promise<StepResult<Out>> {
  const { routed, prompt, redactor, redactedInput, ledger } = attempt;
  const { provider, price } = routed;
  const { name, model } = provider.config;

  const cacheKey = deps.cache.key({
    operation: task.operation,
    provider: name,
    model,
    promptVersion: prompt.version,
    redactedInput,
  });
  const cached = await deps.cache.get(cacheKey);
  deps.metrics.cacheLookups.inc({
    operation: task.operation,
    result: typeof cached === "string" ? cached : "hit",
  });
  if (typeof cached !== "string") {
    const parsed = task.schema.safeParse(cached.output);
    const checked = parsed.success ? finish(task, input, redactor, parsed.data) : undefined;
    if (checked && "answer" in checked) return { answer: checked.answer, cached: true };
  }

  const skip = deps.router.skipReason(provider);
  if (skip) return { reason: skip };
  if (context.remainingMs() < MIN_MODEL_MS + RULES_RESERVE_MS) return { reason: "deadline" };
  if (!ledger.budgetRead) {
    ledger.remaining = await deps.budgets.remaining(context.caller.userId, context.caller.tier);
    ledger.budgetRead = true;
  }
  if (ledger.remaining === undefined) return { reason: "budget_unavailable" };
  if (ledger.remaining <= 0) return { reason: "budget" };

  // When the caller's deadline comes before the provider's own timeout, the model only gets what is
  // left of it minus the rules' reserve, so the rules engine still answers in time.
  const leftMs = context.remainingMs() - RULES_RESERVE_MS;
  const deadline =
    leftMs < provider.config.timeoutMs
      ? AbortSignal.any([context.signal, AbortSignal.timeout(leftMs)])
      : context.signal;
  const spent = { inputTokens: 0, outputTokens: 0 };
  let outcome: FallbackReason | "ok" = "ok";
  try {
    const output = await completeValid(deps, task, attempt, deadline, spent);
    const checked = finish(task, input, redactor, output);
    if ("reason" in checked) {
      outcome = checked.reason;
      return checked;
    }
    await deps.cache.set(cacheKey, { output, ...spent });
    return { answer: checked.answer, cached: false };
  } catch (error) {
    if (context.signal.aborted) throw context.signal.reason ?? error;
    if (error instanceof ProviderError) outcome = error.reason;
    else if (deadline.aborted) outcome = "deadline";
    else throw error;
    return { reason: outcome };
  } finally {
    const cost = deps.catalog.costMicroUsd(price, spent.inputTokens, spent.outputTokens);
    ledger.inputTokens += spent.inputTokens;
    ledger.outputTokens += spent.outputTokens;
    ledger.costMicroUsd += cost;
    if (ledger.remaining !== undefined) ledger.remaining -= cost;
    account(deps, context, name, model, outcome, spent, cost);
    await deps.budgets.charge(context.caller.userId, cost);
    await deps.audit.record({
      operation: task.operation,
      userId: context.caller.userId,
      cell: context.caller.cell,
      provider: name,
      model,
      outcome,
      inputRef: cacheKey,
      redactions: redactor.redactions,
    });
  }
}

/** Asks the model until its answer parses against the schema, at most 1 + retries times. */
async function completeValid<In, Out, ModelOut>(
  deps: PipelineDeps,
  task: Task<In, Out, ModelOut>,
  attempt: Attempt,
  signal: AbortSignal,
  spent: { inputTokens: number; outputTokens: number },
): Promise<ModelOut> {
  const { routed, prompt, redactedInput } = attempt;
  const request = JSON.stringify(redactedInput);
  let user = request;
  for (let round = 0; ; round++) {
    const completion = await deps.router.call(routed.provider, () =>
      routed.provider.complete({
        system: prompt.system,
        user,
        maxOutputTokens: task.maxOutputTokens,
        signal,
      }),
    );
    spent.inputTokens += completion.inputTokens;
    spent.outputTokens += completion.outputTokens;
    const parsed = parseModelJson(completion.text, task.schema);
    if (parsed.ok) return parsed.value;
    if (round >= deps.malformedOutputRetries) {
      throw new ProviderError("malformed_output", `${routed.provider.config.name}: ${parsed.problem}`);
    }
    user = `${request}\n\nYour previous answer was rejected: ${parsed.problem}. Answer again with only the JSON object described.`;
  }
}

/** Puts personal data back and lets the task judge the answer's honesty. */
function finish<In, Out, ModelOut>(
  task: Task<In, Out, ModelOut>,
  input: In,
  redactor: Redactor,
  output: ModelOut,
): { answer: Out } | { reason: FallbackReason } {
  const restored = mapStrings(output, (text) => redactor.restore(text));
  // A placeholder the model made up or mangled would reach the user as garbage.
  if (redactor.leftovers(JSON.stringify(restored)).length > 0) return { reason: "malformed_output" };
  const verdict = task.accept(input, restored);
  return "accepted" in verdict ? { answer: verdict.accepted } : { reason: verdict.rejected };
}

function account(
  deps: PipelineDeps,
  context: RunContext,
  provider: string,
  model: string,
  outcome: string,
  spent: { inputTokens: number; outputTokens: number },
  cost: number,
): void {
  const { metrics } = deps;
  metrics.providerCalls.inc({ provider, model, outcome });
  metrics.tokens.inc({ provider, model, direction: "input" }, spent.inputTokens);
  metrics.tokens.inc({ provider, model, direction: "output" }, spent.outputTokens);
  metrics.costMicroUsd.inc({ user: context.caller.userId, cell: context.caller.cell, provider }, cost);
}

function usageOf(
  provider: string,
  model: string,
  cached: boolean,
  ledger: Ledger,
  fallbacks: Fallback[],
  promptVersion: string,
): UsageInfo {
  return {
    provider,
    model,
    cached,
    inputTokens: ledger.inputTokens,
    outputTokens: ledger.outputTokens,
    costMicroUsd: ledger.costMicroUsd,
    fallbacks,
    promptVersion,
  };
}
