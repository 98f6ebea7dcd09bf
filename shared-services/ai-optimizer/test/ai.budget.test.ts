import { failureOf, status } from "@hireloop/grpc";
import { RoastMode, RoastStyle } from "@hireloop/proto/ai";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answer, type FakeLlm, startFakeLlm } from "./support/fake-llm.ts";
import { caller, honestTailoring, testJob, testResume } from "./support/fixtures.ts";
import { metricValue, modelEnv, type RunningAiOptimizer, startAiOptimizer } from "./support/service.ts";

let openai: FakeLlm;
let anthropic: FakeLlm;
let service: RunningAiOptimizer;
const settings = { deadlineMs: 10_000 };

beforeEach(async () => {
  openai = await startFakeLlm("openai");
  anthropic = await startFakeLlm("anthropic");
  // One answer at 5,000 input + 500 output tokens of claude-3-5-haiku costs 4,000 + 2,000 micro-USD.
  anthropic.script(answer(({ input }) => honestTailoring(input), { inputTokens: 5_000, outputTokens: 500 }));
  service = await startAiOptimizer(
    modelEnv(
      { openai: openai.baseUrl, anthropic: anthropic.baseUrl },
      { HL_BUDGET_FREE_DAILY_MICRO_USD: "5000" },
    ),
  );
});
afterEach(async () => {
  await service.close();
  await openai.close();
  await anthropic.close();
});

const roast = (userId: string, mode: RoastMode) =>
  service.client.roastResume(
    { caller: caller(userId, "free"), resume: testResume(), style: RoastStyle.ROAST_STYLE_SAVAGE, mode },
    settings,
  );

describe("per-user daily budgets", () => {
  it("gives free callers the cheapest model until the day's budget is spent, then the rules at no cost", async () => {
    const first = await service.client.tailorResume(
      { caller: caller("user-budget", "free"), resume: testResume(), job: testJob() },
      settings,
    );
    expect(first.usage).toMatchObject({ provider: "anthropic", costMicroUsd: 6_000, fallbacks: [] });
    expect(openai.received).toHaveLength(0);

    const after = await service.client.explainMatch(
      { caller: caller("user-budget", "free"), resume: testResume(), job: testJob() },
      settings,
    );
    expect(after.usage).toMatchObject({ provider: "rules", costMicroUsd: 0 });
    expect(after.usage?.fallbacks).toEqual([{ provider: "anthropic", reason: "budget" }]);
    expect(after.explanation).toMatch(/scores \d+\/100/);
    expect(anthropic.received).toHaveLength(1);

    // Budgets are per user: someone else still gets the model.
    const other = await service.client.explainMatch(
      { caller: caller("user-other", "free"), resume: testResume(), job: testJob() },
      settings,
    );
    expect(other.usage?.fallbacks).not.toContainEqual({ provider: "anthropic", reason: "budget" });
  });

  it("answers budget_exceeded to an explicit model roast over budget, and still serves the rule roast", async () => {
    await service.client.tailorResume(
      { caller: caller("user-roast", "free"), resume: testResume(), job: testJob() },
      settings,
    );
    const refused = await roast("user-roast", RoastMode.ROAST_MODE_MODEL).catch(failureOf);
    expect(refused).toMatchObject({ status: status.RESOURCE_EXHAUSTED, code: "budget_exceeded" });

    const byRules = await roast("user-roast", RoastMode.ROAST_MODE_RULES);
    expect(byRules.usage).toMatchObject({ provider: "rules", costMicroUsd: 0, fallbacks: [] });
    const auto = await roast("user-roast", RoastMode.ROAST_MODE_UNSPECIFIED);
    expect(auto.usage?.provider).toBe("rules");
    expect(auto.points.length).toBeGreaterThan(0);

    const metrics = await service.metrics();
    expect(metricValue(metrics, "hl_ai_budget_exceeded_total", { tier: "free" })).toBe(1);
    expect(
      metricValue(metrics, "hl_ai_cost_micro_usd_total", {
        user: "user-roast",
        cell: "us-east-1",
        provider: "anthropic",
      }),
    ).toBe(6_000);
  });
});
