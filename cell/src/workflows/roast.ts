import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { resumes, roasts } from "../db/schema/index.ts";
import {
  callerOf,
  type RoastModeName,
  type RoastStyleName,
  roastResume,
  type Tiered,
} from "../shared-services/ai.ts";
import { type StepContext, StepFailure, type StepResult, type WorkflowDefinition } from "./definition.ts";

export interface RoastInput extends Record<string, unknown> {
  resumeId: string;
  style: RoastStyleName;
  mode: RoastModeName;
  tier: Tiered;
}

/** One step: the ai-optimizer roasts the resume; when that fails for good, the rule-only roast does. */
export const roastWorkflow: WorkflowDefinition = {
  kind: "roast",
  steps: [
    {
      name: "roast",
      weight: 100,
      run: (ctx) => roastStep(ctx, (ctx.input as RoastInput).mode),
      fallback: (ctx) => roastStep(ctx, "rules"),
    },
  ],
};

async function roastStep(ctx: StepContext, mode: RoastModeName): Promise<StepResult> {
  const input = ctx.input as RoastInput;
  const [resume] = await ctx.services.db
    .select()
    .from(resumes)
    .where(and(eq(resumes.id, input.resumeId), eq(resumes.tenantId, ctx.tenantId)));
  if (!resume) throw new StepFailure("source_missing", "the resume no longer exists");
  const caller = callerOf(ctx.tenantId, ctx.services.config.cellId, input.tier);
  const roast = await roastResume(
    ctx.services.channels,
    caller,
    resume.parsed,
    input.style,
    mode,
    ctx.signal,
  );
  const roastId = randomUUID();
  return {
    output: { roastId, provider: roast.usage?.provider ?? null },
    persist: async (tx) => {
      await tx.insert(roasts).values({
        id: roastId,
        tenantId: ctx.tenantId,
        workflowId: ctx.workflowId,
        resumeId: input.resumeId,
        style: input.style,
        headline: roast.headline,
        points: roast.points,
        score: roast.score,
        usage: (roast.usage ?? null) as Record<string, unknown> | null,
      });
      await ctx.services.events.record(tx, ctx.tenantId, "roast.completed", {
        roastId,
        workflowId: ctx.workflowId,
        style: input.style,
      });
      return { resultId: roastId };
    },
  };
}
