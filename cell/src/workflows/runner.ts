import { failureOf, isPermanent, isTransient } from "@hireloop/grpc";
import { extractTraceContext, startSpan } from "@hireloop/observability";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { workflowSteps, workflows } from "../db/schema/index.ts";
import { isTenantMigrating, withTenantTransaction } from "../tenancy/write-guard.ts";
import type { CellDeps } from "../wiring/deps.ts";
import {
  StepFailure,
  type StepResult,
  type StoredStepContext,
  type WorkflowDefinition,
} from "./definition.ts";
import { failWorkflow } from "./failure.ts";
import { publishProgress } from "./progress.ts";
import { enqueueStep, type StepJobData } from "./queue.ts";
import { workflowDefinition } from "./registry.ts";
import { isTerminal } from "./status.ts";

/**
 * Runs one step of one workflow. Safe to run more than once for the same step (a crashed worker's
 * job is redelivered): the commit re-checks the step under a row lock and skips finished work, so
 * each step's result, next job and events are written exactly once.
 */
export async function runStepJob(deps: CellDeps, job: PgBoss.JobWithMetadata<StepJobData>): Promise<void> {
  const { workflowId, step: stepName, traceContext } = job.data;
  await startSpan(
    `workflow.step ${stepName}`,
    async (span) => {
      span.setAttribute("hireloop.workflow_id", workflowId);
      const [workflow] = await deps.db.select().from(workflows).where(eq(workflows.id, workflowId));
      if (!workflow || isTerminal(workflow.status)) return;
      const definition = workflowDefinition(workflow.kind);
      const index = definition.steps.findIndex((s) => s.name === stepName);
      const step = definition.steps[index];
      if (!step) throw new Error(`workflow "${workflow.kind}" has no step "${stepName}"`);

      const rows = await deps.db
        .select()
        .from(workflowSteps)
        .where(eq(workflowSteps.workflowId, workflowId))
        .orderBy(asc(workflowSteps.position));
      if (rows.find((r) => r.name === stepName)?.status === "succeeded") return;

      await markRunning(deps, workflow.tenantId, workflowId, stepName);
      const ctx: StoredStepContext = {
        deps,
        workflowId,
        tenantId: workflow.tenantId,
        input: workflow.input,
        outputs: Object.fromEntries(rows.filter((r) => r.output).map((r) => [r.name, r.output])),
        attempt: job.retryCount + 1,
        signal: AbortSignal.timeout(deps.config.steps.timeoutMs),
      };
      const log = deps.logger.child({
        workflowId,
        step: stepName,
        attempt: ctx.attempt,
        tenant: ctx.tenantId,
      });
      const started = performance.now();
      try {
        const result = await withTimeout(step.run(ctx), ctx.signal);
        await commitStep(deps, ctx, index, result, null);
        deps.metrics.stepsTotal.inc({ step: stepName, outcome: "succeeded" });
      } catch (error) {
        // Frozen for a migration: fail this attempt only; the target cell resumes the step.
        if (isTenantMigrating(error)) throw error;
        if (isTransient(error) && (await waitForService(deps, ctx, job.data, error))) {
          log.warn({ err: error }, "a shared service is unavailable: the step waits and tries again");
          deps.metrics.stepsTotal.inc({ step: stepName, outcome: "waiting" });
          return;
        }
        log.warn({ err: error }, "step attempt failed");
        // A request a service refused as it stands fails the same way again: no retry.
        if (job.retryCount < job.retryLimit && !isPermanent(error)) {
          deps.metrics.stepsTotal.inc({ step: stepName, outcome: "retried" });
          await recordAttemptError(deps, ctx.tenantId, workflowId, stepName, error);
          throw error;
        }
        await exhaustRetries(deps, ctx, index, step, error);
      } finally {
        deps.metrics.stepDuration.observe({ step: stepName }, (performance.now() - started) / 1000);
      }
    },
    { parent: extractTraceContext(traceContext) },
  );
}

async function exhaustRetries(
  deps: CellDeps,
  ctx: StoredStepContext,
  index: number,
  step: WorkflowDefinition["steps"][number],
  error: unknown,
): Promise<void> {
  let finalError = error;
  if (step.fallback) {
    try {
      const signal = AbortSignal.timeout(deps.config.steps.timeoutMs);
      const result = await withTimeout(step.fallback({ ...ctx, signal }, error), signal);
      await commitStep(deps, ctx, index, result, "fallback");
      deps.metrics.stepsTotal.inc({ step: step.name, outcome: "fallback" });
      return;
    } catch (fallbackError) {
      finalError = fallbackError;
    }
  }
  deps.metrics.stepsTotal.inc({ step: step.name, outcome: "failed" });
  const { code, message } = describeFailure(finalError);
  await failWorkflow(deps, ctx.workflowId, step.name, code, message);
}

/** The longest pause between two tries of a step that waits for a service. */
const MAX_WAIT_SECONDS = 30;

/**
 * A shared service that is down (or too slow) is not the step's fault: rather than spending its
 * retries and falling back, the step is queued again after a pause (1, 2, 4 … 30 s) and the attempt
 * ends. Each wait commits with the step's job in one transaction, so the step runs again exactly
 * once more. After `serviceWaitMaxMs` of waiting the failure counts like any other. Returns false
 * when the wait is over.
 */
async function waitForService(
  deps: CellDeps,
  ctx: StoredStepContext,
  data: StepJobData,
  error: unknown,
): Promise<boolean> {
  const waitingSince = data.waitingSince ?? Date.now();
  if (Date.now() - waitingSince > deps.config.steps.serviceWaitMaxMs) return false;
  const waits = (data.waits ?? 0) + 1;
  const delaySeconds = Math.min(MAX_WAIT_SECONDS, 2 ** (waits - 1));
  await withTenantTransaction({ deps, tenantId: ctx.tenantId }, async (tx) => {
    const [workflow] = await tx
      .select({ status: workflows.status })
      .from(workflows)
      .where(eq(workflows.id, ctx.workflowId))
      .for("update");
    const stepOf = and(eq(workflowSteps.workflowId, ctx.workflowId), eq(workflowSteps.name, data.step));
    const [step] = await tx.select({ status: workflowSteps.status }).from(workflowSteps).where(stepOf);
    // Cancelled meanwhile, or another run of this step finished it: nothing to wait for.
    if (!workflow || isTerminal(workflow.status) || step?.status === "succeeded") return;
    await tx
      .update(workflowSteps)
      .set({ status: "pending", errorMessage: `waiting: ${errorMessage(error)}` })
      .where(stepOf);
    await enqueueStep(deps.queue, tx, { ...data, waitingSince, waits }, delaySeconds);
  });
  await publishProgress(deps, ctx.workflowId);
  return true;
}

async function markRunning(
  deps: CellDeps,
  tenantId: string,
  workflowId: string,
  stepName: string,
): Promise<void> {
  // The workflow's row first, then its step's: the order every writer of both takes (cancelling
  // too), so two of them never wait on each other.
  await withTenantTransaction({ deps, tenantId }, async (tx) => {
    await tx
      .update(workflows)
      .set({ status: "running", updatedAt: new Date() })
      .where(and(eq(workflows.id, workflowId), inArray(workflows.status, ["queued", "running"])));
    await tx
      .update(workflowSteps)
      .set({ status: "running", attempts: sql`${workflowSteps.attempts} + 1`, startedAt: new Date() })
      .where(and(eq(workflowSteps.workflowId, workflowId), eq(workflowSteps.name, stepName)));
  });
  await publishProgress(deps, workflowId);
}

async function recordAttemptError(
  deps: CellDeps,
  tenantId: string,
  workflowId: string,
  stepName: string,
  error: unknown,
) {
  await withTenantTransaction({ deps, tenantId }, async (tx) => {
    await tx
      .update(workflowSteps)
      .set({ errorMessage: errorMessage(error) })
      .where(and(eq(workflowSteps.workflowId, workflowId), eq(workflowSteps.name, stepName)));
  });
}

async function commitStep(
  deps: CellDeps,
  ctx: StoredStepContext,
  index: number,
  result: StepResult<unknown>,
  usedFallback: string | null,
): Promise<void> {
  const { workflowId, tenantId } = ctx;
  const committed = await withTenantTransaction({ deps, tenantId }, async (tx, record) => {
    const [workflow] = await tx.select().from(workflows).where(eq(workflows.id, workflowId)).for("update");
    if (!workflow || isTerminal(workflow.status)) return false;
    const definition = workflowDefinition(workflow.kind);
    const step = definition.steps[index];
    if (!step) return false;
    const [row] = await tx
      .select({ status: workflowSteps.status })
      .from(workflowSteps)
      .where(and(eq(workflowSteps.workflowId, workflowId), eq(workflowSteps.name, step.name)))
      .for("update");
    if (!row || row.status === "succeeded") return false;

    const { resultId } = result.persist ? await result.persist(tx, record) : {};
    await tx
      .update(workflowSteps)
      .set({
        status: "succeeded",
        output: result.output,
        usedFallback,
        errorMessage: null,
        finishedAt: new Date(),
      })
      .where(and(eq(workflowSteps.workflowId, workflowId), eq(workflowSteps.name, step.name)));
    await record("workflow.step_completed", {
      workflowId,
      step: step.name,
      attempt: ctx.attempt,
      usedFallback: usedFallback !== null,
    });

    const progress = definition.steps.slice(0, index + 1).reduce((sum, s) => sum + s.weight, 0);
    const next = definition.steps[index + 1];
    if (next) {
      await enqueueStep(deps.queue, tx, {
        workflowId,
        step: next.name,
        traceContext: workflow.traceContext,
      });
      await tx.update(workflows).set({ progress, updatedAt: new Date() }).where(eq(workflows.id, workflowId));
      return true;
    }
    if (!resultId) throw new Error(`the last step of "${workflow.kind}" produced no result`);
    await tx
      .update(workflows)
      .set({ status: "succeeded", progress: 100, resultId, updatedAt: new Date() })
      .where(eq(workflows.id, workflowId));
    await record("workflow.succeeded", {
      workflowId,
      kind: workflow.kind,
      resultId,
    });
    deps.metrics.workflowsTotal.inc({ kind: workflow.kind, status: "succeeded" });
    return true;
  });
  if (committed) await publishProgress(deps, workflowId);
}

function withTimeout<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new StepFailure("step_timeout", "the step took longer than its time limit"));
    if (signal.aborted) return onAbort();
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/** What the workflow's owner is told: a step's own code, a shared service's code and words, or neither. */
function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof StepFailure) return { code: error.code, message: error.message };
  if (isPermanent(error) || isTransient(error)) {
    const { code, message } = failureOf(error);
    return { code, message };
  }
  return { code: "step_failed", message: error instanceof Error ? error.message : String(error) };
}

export function errorMessage(error: unknown): string {
  return describeFailure(error).message;
}
