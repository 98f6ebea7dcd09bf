import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answer, type FakeLlm, hang, startFakeLlm, status, text } from "./support/fake-llm.ts";
import { caller, honestTailoring, testJob, testResume } from "./support/fixtures.ts";
import { metricValue, modelEnv, type RunningAiOptimizer, startAiOptimizer } from "./support/service.ts";

let openai: FakeLlm;
let anthropic: FakeLlm;
let service: RunningAiOptimizer;
const settings = { deadlineMs: 10_000 };

beforeEach(async () => {
  openai = await startFakeLlm("openai");
  anthropic = await startFakeLlm("anthropic");
  service = await startAiOptimizer(
    modelEnv({ openai: openai.baseUrl, anthropic: anthropic.baseUrl }, { HL_BREAKER_FAILURES: "3" }),
  );
});
afterEach(async () => {
  await service.close();
  await openai.close();
  await anthropic.close();
});

const tailor = (userId: string) =>
  service.client.tailorResume({ caller: caller(userId), resume: testResume(), job: testJob() }, settings);

describe("the fallback chain (premium: openai → anthropic → rules)", () => {
  it("falls through a 429 and a 500 to the rules engine, and skips the rate-limited provider afterwards", async () => {
    openai.script(status(429, 30));
    anthropic.script(status(500));

    const first = await tailor("user-429");
    expect(first.usage).toMatchObject({ provider: "rules", cached: false, costMicroUsd: 0 });
    expect(first.usage?.fallbacks).toEqual([
      { provider: "openai", reason: "rate_limited" },
      { provider: "anthropic", reason: "server_error" },
    ]);
    expect(first.tailored?.resume?.skills.length).toBe(5);

    // Retry-After: 30 keeps OpenAI out of the chain without calling it again.
    const second = await tailor("user-429");
    expect(openai.received).toHaveLength(1);
    expect(anthropic.received).toHaveLength(2);
    expect(second.usage?.fallbacks).toEqual([
      { provider: "openai", reason: "rate_limited" },
      { provider: "anthropic", reason: "server_error" },
    ]);

    const metrics = await service.metrics();
    const fallback = (provider: string, reason: string) =>
      metricValue(metrics, "hl_ai_fallbacks_total", { operation: "tailor_resume", provider, reason });
    expect(fallback("openai", "rate_limited")).toBe(2);
    expect(fallback("anthropic", "server_error")).toBe(2);
    expect(
      metricValue(metrics, "hl_ai_provider_calls_total", { provider: "openai", outcome: "rate_limited" }),
    ).toBe(1);
    expect(
      metricValue(metrics, "hl_ai_answers_total", { operation: "tailor_resume", provider: "rules" }),
    ).toBe(2);
  });

  it("gives up on a provider that hangs past its timeout and takes the next one's answer, with its cost", async () => {
    openai.script(hang);
    anthropic.script(
      answer(({ input }) => honestTailoring(input), { inputTokens: 2_000, outputTokens: 1_000 }),
    );

    const started = Date.now();
    const response = await tailor("user-timeout");
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(response.usage).toMatchObject({
      provider: "anthropic",
      model: "claude-3-5-haiku-latest",
      cached: false,
      inputTokens: 2_000,
      outputTokens: 1_000,
      // claude-3-5-haiku-latest: $0.80 in / $4 out per million tokens → 1,600 + 4,000 micro-USD.
      costMicroUsd: 5_600,
      promptVersion: "tailor-resume.v1",
      fallbacks: [{ provider: "openai", reason: "timeout" }],
    });
    // The answer is the model's (skills reversed), with the person's data back in place.
    expect(response.tailored?.resume?.skills).toEqual([...testResume().skills].reverse());

    const metrics = await service.metrics();
    expect(metricValue(metrics, "hl_ai_fallbacks_total", { provider: "openai", reason: "timeout" })).toBe(1);
    expect(
      metricValue(metrics, "hl_ai_cost_micro_usd_total", {
        user: "user-timeout",
        cell: "us-east-1",
        provider: "anthropic",
      }),
    ).toBe(5_600);
    expect(metricValue(metrics, "hl_ai_tokens_total", { provider: "anthropic", direction: "output" })).toBe(
      1_000,
    );
  });

  it("asks again once after malformed JSON, then moves on with reason malformed_output", async () => {
    openai.script(text("Sure! Here is your resume: {not json"), text('```json\n{"resume": 42}\n```'));
    anthropic.script(text("no JSON here at all"));

    const response = await tailor("user-malformed");
    expect(openai.received).toHaveLength(2);
    expect(openai.received[1]?.userMessage).toContain("Your previous answer was rejected");
    expect(anthropic.received).toHaveLength(2);
    expect(response.usage?.provider).toBe("rules");
    expect(response.usage?.fallbacks).toEqual([
      { provider: "openai", reason: "malformed_output" },
      { provider: "anthropic", reason: "malformed_output" },
    ]);
    // Failed attempts were still billed by the providers, so they are still counted.
    expect(response.usage?.inputTokens).toBe(4_000);
    expect(response.usage?.costMicroUsd).toBeGreaterThan(0);
  });

  it("accepts the retried answer when the second attempt is valid JSON", async () => {
    openai.script(
      text('{"resume": '),
      answer(({ input }) => honestTailoring(input)),
    );

    const response = await tailor("user-retry");
    expect(openai.received).toHaveLength(2);
    expect(anthropic.received).toHaveLength(0);
    expect(response.usage).toMatchObject({ provider: "openai", model: "gpt-4.1", fallbacks: [] });
  });

  it("rejects a tailored resume that adds a skill the source lacks, and falls back with invented_facts", async () => {
    const inventing = answer(({ input }) => honestTailoring(input, ["Kubernetes"]));
    openai.script(inventing);
    anthropic.script(inventing);

    const response = await tailor("user-invents");
    expect(openai.received).toHaveLength(1);
    expect(response.usage?.provider).toBe("rules");
    expect(response.usage?.fallbacks).toEqual([
      { provider: "openai", reason: "invented_facts" },
      { provider: "anthropic", reason: "invented_facts" },
    ]);
    expect(response.tailored?.resume?.skills).not.toContain("Kubernetes");
    const metrics = await service.metrics();
    expect(
      metricValue(metrics, "hl_ai_fallbacks_total", { provider: "openai", reason: "invented_facts" }),
    ).toBe(1);
  });

  it("opens a provider's circuit after repeated failures and then skips it without calling", async () => {
    openai.script(status(500));
    anthropic.script(answer(({ input }) => honestTailoring(input)));

    for (let call = 0; call < 3; call++) {
      const response = await tailor(`user-breaker-${call}`);
      expect(response.usage?.fallbacks).toEqual([{ provider: "openai", reason: "server_error" }]);
    }
    expect(openai.received).toHaveLength(3);

    const skipped = await tailor("user-breaker-after");
    expect(openai.received).toHaveLength(3);
    expect(skipped.usage?.provider).toBe("anthropic");
    expect(skipped.usage?.fallbacks).toEqual([{ provider: "openai", reason: "circuit_open" }]);
    const metrics = await service.metrics();
    expect(metricValue(metrics, "hl_ai_provider_circuit_open", { provider: "openai" })).toBe(1);
    expect(
      metricValue(metrics, "hl_ai_fallbacks_total", { provider: "openai", reason: "circuit_open" }),
    ).toBe(1);
  });
});
