import { afterEach, describe, expect, it } from "vitest";
import { answer, type FakeLlm, startFakeLlm } from "./support/fake-llm.ts";
import { caller, honestTailoring, testJob, testResume } from "./support/fixtures.ts";
import { modelEnv, type RunningAiOptimizer, startAiOptimizer } from "./support/service.ts";

let local: FakeLlm;
let openai: FakeLlm;
let service: RunningAiOptimizer;
afterEach(async () => {
  await service.close();
  await local.close();
  await openai.close();
});

describe("an OpenAI-compatible local server (vLLM, llama.cpp, Ollama)", () => {
  it("is configured by base URL under its own name, free to run, so free callers get it first", async () => {
    local = await startFakeLlm("openai");
    openai = await startFakeLlm("openai");
    local.script(answer(({ input }) => honestTailoring(input), { inputTokens: 3_000, outputTokens: 900 }));
    openai.script(answer(({ input }) => honestTailoring(input)));
    service = await startAiOptimizer(
      modelEnv(
        { openai: openai.baseUrl },
        {
          HL_LOCAL_LLM_BASE_URL: local.baseUrl,
          HL_LOCAL_LLM_MODEL: "qwen2.5-7b-instruct",
          HL_LOCAL_LLM_NAME: "vllm",
        },
      ),
    );
    const request = { resume: testResume(), job: testJob() };

    const free = await service.client.tailorResume(
      { caller: caller("user-free", "free"), ...request },
      {
        deadlineMs: 5_000,
      },
    );
    expect(free.usage).toMatchObject({
      provider: "vllm",
      model: "qwen2.5-7b-instruct",
      inputTokens: 3_000,
      outputTokens: 900,
      costMicroUsd: 0,
    });
    expect(local.received[0]?.body.model).toBe("qwen2.5-7b-instruct");

    // Premium callers get the best model in the catalog's ranking: gpt-4.1 outranks a local model.
    const premium = await service.client.tailorResume(
      { caller: caller("user-premium"), ...request },
      {
        deadlineMs: 5_000,
      },
    );
    expect(premium.usage?.provider).toBe("openai");
    expect(local.received).toHaveLength(1);
  });
});
