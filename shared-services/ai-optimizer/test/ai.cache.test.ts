import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answer, type FakeLlm, startFakeLlm } from "./support/fake-llm.ts";
import { caller, honestTailoring, PERSONAL, testJob, testResume } from "./support/fixtures.ts";
import { metricValue, modelEnv, type RunningAiOptimizer, startAiOptimizer } from "./support/service.ts";

let openai: FakeLlm;
let service: RunningAiOptimizer;
const settings = { deadlineMs: 10_000 };

beforeEach(async () => {
  openai = await startFakeLlm("openai");
  openai.script(answer(({ input }) => honestTailoring(input)));
  service = await startAiOptimizer(modelEnv({ openai: openai.baseUrl }));
});
afterEach(async () => {
  await service.close();
  await openai.close();
});

/** The same resume for another person: every personal value swapped, same shape. */
function anotherPersonsResume() {
  const swaps: [string, string][] = [
    [PERSONAL.name, "Agnès Martin-Kowalczyk"],
    ["Renée Dubois", "Agnès Martin"],
    [PERSONAL.email, "agnes.martin@example.net"],
    [PERSONAL.phone, "+1 646-555-0199"],
    [PERSONAL.street, "17 Elm Street, Queens, NY 11375"],
    [PERSONAL.location, "Queens, NY"],
    [PERSONAL.linkedin, "https://linkedin.com/in/agnes-martin"],
    [PERSONAL.portfolio, "agnesmartin.design"],
    [PERSONAL.otherEmail, "jobs@elmstudio.example.org"],
  ];
  let json = JSON.stringify(testResume());
  for (const [from, to] of swaps) json = json.split(from).join(to);
  return JSON.parse(json) as ReturnType<typeof testResume>;
}

describe("the exact-match answer cache", () => {
  it("answers a repeated call from the cache without calling the provider, at no cost", async () => {
    const request = { caller: caller("user-cache"), resume: testResume(), job: testJob() };
    const first = await service.client.tailorResume(request, settings);
    expect(first.usage).toMatchObject({ provider: "openai", cached: false });
    expect(first.usage?.costMicroUsd).toBeGreaterThan(0);

    const second = await service.client.tailorResume(request, settings);
    expect(openai.received).toHaveLength(1);
    expect(second.usage).toMatchObject({
      provider: "openai",
      model: "gpt-4.1",
      cached: true,
      costMicroUsd: 0,
      inputTokens: 0,
      promptVersion: "tailor-resume.v1",
    });
    expect(second.tailored).toEqual(first.tailored);

    const metrics = await service.metrics();
    expect(
      metricValue(metrics, "hl_ai_cache_lookups_total", { operation: "tailor_resume", result: "hit" }),
    ).toBe(1);
    expect(
      metricValue(metrics, "hl_ai_cache_lookups_total", { operation: "tailor_resume", result: "miss" }),
    ).toBe(1);
    expect(metricValue(metrics, "hl_ai_answers_total", { provider: "openai", cached: "true" })).toBe(1);
  });

  it("keys on redacted input: another person's identical resume hits, with their own data restored", async () => {
    await service.client.tailorResume(
      { caller: caller("user-a"), resume: testResume(), job: testJob() },
      settings,
    );
    const other = await service.client.tailorResume(
      { caller: caller("user-b"), resume: anotherPersonsResume(), job: testJob() },
      settings,
    );
    expect(openai.received).toHaveLength(1);
    expect(other.usage?.cached).toBe(true);
    const text = JSON.stringify(other.tailored);
    expect(text).toContain("agnes.martin@example.net");
    expect(text).toContain("Agnès Martin");
    expect(text).not.toContain("Renée");
    expect(text).not.toContain(PERSONAL.email);
    // Nothing personal is stored in the cache itself.
    const keys = await service.redis.keys(`${service.keyPrefix}:cache:*`);
    expect(keys).toHaveLength(1);
    const stored = (await service.redis.get(keys[0] ?? "")) ?? "";
    expect(stored).toContain("⟦EMAIL_1⟧");
    expect(stored).not.toContain("Renée");
    expect(stored).not.toContain(PERSONAL.email);
  });

  it("misses when the input changes", async () => {
    await service.client.tailorResume(
      { caller: caller("user-c"), resume: testResume(), job: testJob() },
      settings,
    );
    const changed = { ...testJob(), requiredSkills: ["Figma"] };
    const response = await service.client.tailorResume(
      { caller: caller("user-c"), resume: testResume(), job: changed },
      settings,
    );
    expect(response.usage?.cached).toBe(false);
    expect(openai.received).toHaveLength(2);
  });
});
