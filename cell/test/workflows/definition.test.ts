import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineWorkflow, type StoredStepContext } from "../../src/workflows/definition.ts";
import { workflowInputs } from "../../src/workflows/inputs.ts";

/** Two steps of plain arithmetic: the second reads the first's output by name, typed. */
const arithmetic = defineWorkflow<
  { n: number; unit: string },
  { double: { doubled: number }; triple: { tripled: number } }
>({
  kind: "arithmetic",
  input: z.object({ n: z.number(), unit: z.string().default("apples") }),
  steps: [
    { name: "double", weight: 50, run: async ({ input }) => ({ output: { doubled: input.n * 2 } }) },
    {
      name: "triple",
      weight: 50,
      run: async (ctx) => ({ output: { tripled: ctx.outputOf("double").doubled * 3 } }),
      fallback: async ({ input }) => ({ output: { tripled: -input.n } }),
    },
  ],
});

/** A step's context as the runner builds it from the stored run; these steps touch no dependency. */
function stored(input: unknown, outputs: Record<string, unknown> = {}): StoredStepContext {
  return {
    deps: undefined as never,
    workflowId: "w-1",
    tenantId: "t-1",
    input,
    outputs,
    attempt: 1,
    signal: AbortSignal.timeout(1_000),
  };
}

describe("a workflow defined with typed input and outputs", () => {
  const [double, triple] = arithmetic.steps;

  it("parses the stored input for each step, defaults included, and hands a later step the earlier output", async () => {
    expect((await double?.run(stored({ n: 2 })))?.output).toEqual({ doubled: 4 });
    expect((await triple?.run(stored({ n: 2 }, { double: { doubled: 4 } })))?.output).toEqual({
      tripled: 12,
    });
    expect((await triple?.fallback?.(stored({ n: 2 }), new Error("gave up")))?.output).toEqual({
      tripled: -2,
    });
  });

  it("refuses a stored input its schema does not accept, and a step asking for an output not made yet", async () => {
    await expect(double?.run(stored({ n: "two" }))).rejects.toThrow(/expected number/);
    await expect(triple?.run(stored({ n: 2 }))).rejects.toThrow(
      'step "double" of "arithmetic" has no output yet',
    );
  });

  it("reads a tailoring run stored before plans existed as the free plan's", () => {
    const legacy = { resumeId: "r", jobId: "j", format: "pdf" };
    expect(workflowInputs.tailoring.parse(legacy)).toEqual({ ...legacy, tier: "free" });
    expect(() => workflowInputs.tailoring.parse({ ...legacy, format: "rtf" })).toThrow();
  });
});
