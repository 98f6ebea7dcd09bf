import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { roasts } from "../db/schema/index.ts";
import { callerOf, roastResume } from "../shared-services/ai.ts";
import { loadResume } from "../use-cases/loaders.ts";
import type { RoastModeName } from "../vocabulary.ts";
import { defineWorkflow, type StepContext, type StepResult, stillThere } from "./definition.ts";
import { workflowInputs } from "./inputs.ts";

type RoastInput = z.output<typeof workflowInputs.roast>;

interface RoastOutputs {
  roast: { roastId: string; provider: string | null };
}

/** One step: the ai-optimizer roasts the resume; when that fails for good, the rule-only roast does. */
export const roastWorkflow = defineWorkflow<RoastInput, RoastOutputs>({
  kind: "roast",
  input: workflowInputs.roast,
  steps: [
    {
      name: "roast",
      weight: 100,
      run: (ctx) => roastStep(ctx, ctx.input.mode),
      fallback: (ctx) => roastStep(ctx, "rules"),
    },
  ],
});

async function roastStep(
  ctx: StepContext<RoastInput, RoastOutputs>,
  mode: RoastModeName,
): Promise<StepResult<RoastOutputs["roast"]>> {
  const { input, tenantId, workflowId } = ctx;
  const resume = await stillThere("resume", loadResume(ctx, input.resumeId));
  const caller = callerOf(tenantId, ctx.deps.config.cellId, input.tier);
  const roast = await roastResume(ctx.deps.channels, caller, resume.parsed, input.style, mode, ctx.signal);
  const roastId = randomUUID();
  return {
    output: { roastId, provider: roast.usage?.provider ?? null },
    persist: async (tx, record) => {
      await tx.insert(roasts).values({
        id: roastId,
        tenantId,
        workflowId,
        resumeId: input.resumeId,
        style: input.style,
        headline: roast.headline,
        points: roast.points,
        score: roast.score,
        usage: roast.usage ?? null,
      });
      await record("roast.completed", { roastId, workflowId, style: input.style });
      return { resultId: roastId };
    },
  };
}
