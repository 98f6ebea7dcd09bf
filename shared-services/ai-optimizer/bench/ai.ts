/**
 * ai-optimizer throughput with the rules engine through real gRPC, and the latency of a cache hit
 * against a miss served by a local OpenAI-compatible server. Needs Redis: HL_REDIS_URL, or the
 * test platform's (`npx hireloop local up --profile test`).
 * Usage: npm run bench -w @hireloop/ai-optimizer [-- --seconds 3 --concurrency 32]
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { startGrpcServer } from "@hireloop/grpc";
import { createLogger, createMetricsRegistry } from "@hireloop/observability";
import { RoastMode, RoastStyle } from "@hireloop/proto/ai";
import { testPlatform } from "@hireloop/testkit/platform";
import { Redis } from "ioredis";
import { createAiOptimizer } from "../src/app.ts";
import { type AiOptimizerClient, createAiOptimizerClient } from "../src/client.ts";
import { loadConfig } from "../src/config.ts";
import { answer, startFakeLlm } from "../test/support/fake-llm.ts";
import { caller, honestTailoring, JOB_TEXT, testJob, testResume } from "../test/support/fixtures.ts";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "3" },
    concurrency: { type: "string", default: "32" },
    samples: { type: "string", default: "300" },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const samples = Number(values.samples);
const settings = { deadlineMs: 10_000 };

async function startService(env: Record<string, string>) {
  const config = loadConfig({
    HL_REDIS_URL: process.env.HL_REDIS_URL ?? testPlatform().redisUrl,
    HL_REDIS_KEY_PREFIX: `hl:ai:bench:${randomUUID()}`,
    HL_AUDIT_KEY: "bench",
    ...env,
  });
  const redis = new Redis(config.redis.url, { commandTimeout: 2_000 });
  const logger = createLogger({ service: "ai-bench", level: "silent" });
  const registry = createMetricsRegistry({ service: "ai-bench" });
  const { binding } = createAiOptimizer({ config, redis, registry, logger });
  const server = await startGrpcServer({ host: "127.0.0.1", port: 0, services: [binding], logger, registry });
  const client = createAiOptimizerClient(`127.0.0.1:${server.port}`);
  return {
    client,
    async close() {
      client.close();
      await server.stop(100);
      const keys = await redis.keys(`${config.redis.keyPrefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

/** Closed loop: `concurrency` callers send back to back for `seconds`. */
async function throughput(call: () => Promise<unknown>): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await call();
        done++;
      }
    }),
  );
  return done / seconds;
}

async function latencies(count: number, call: (index: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    await call(index);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (value: number) => `${value.toFixed(2)} ms`;

async function benchRules() {
  const service = await startService({});
  const { client } = service;
  const resume = testResume();
  const job = testJob();
  const operations: [string, (c: AiOptimizerClient) => Promise<unknown>][] = [
    ["AnalyzeJob", (c) => c.analyzeJob({ caller: caller("bench"), jobText: JOB_TEXT, title: "" }, settings)],
    ["TailorResume", (c) => c.tailorResume({ caller: caller("bench"), resume, job }, settings)],
    ["ExplainMatch", (c) => c.explainMatch({ caller: caller("bench"), resume, job }, settings)],
    [
      "RoastResume",
      (c) =>
        c.roastResume(
          {
            caller: caller("bench"),
            resume,
            style: RoastStyle.ROAST_STYLE_SAVAGE,
            mode: RoastMode.ROAST_MODE_RULES,
          },
          settings,
        ),
    ],
  ];
  console.log(`rules provider through gRPC, ${concurrency} concurrent callers, ${seconds} s each:`);
  for (const [name, call] of operations) {
    await call(client); // warm-up
    console.log(
      `  ${name.padEnd(13)} ${(await throughput(() => call(client))).toFixed(0).padStart(6)} requests/s`,
    );
  }
  await service.close();
}

async function benchCache() {
  const llm = await startFakeLlm("openai");
  llm.script(answer(({ input }) => honestTailoring(input)));
  const service = await startService({
    HL_OPENAI_API_KEY: "bench",
    HL_OPENAI_BASE_URL: llm.baseUrl,
    HL_OPENAI_MODEL: "gpt-4.1",
  });
  const resume = testResume();
  const job = testJob();
  // Each miss asks about a different job, so the cache cannot answer it.
  const miss = (index: number) =>
    service.client.tailorResume(
      { caller: caller("bench"), resume, job: { ...job, keywords: [...job.keywords, `term${index}`] } },
      settings,
    );
  const hit = () => service.client.tailorResume({ caller: caller("bench"), resume, job }, settings);
  await miss(-1);
  await hit();
  const misses = await latencies(samples, miss);
  const hits = await latencies(samples, hit);
  console.log(`TailorResume, premium, one caller at a time, ${samples} calls each:`);
  console.log(
    `  cache miss (local OpenAI-compatible server)  p50 ${ms(percentile(misses, 50))}  p99 ${ms(percentile(misses, 99))}`,
  );
  console.log(
    `  cache hit  (Redis, provider not called)      p50 ${ms(percentile(hits, 50))}  p99 ${ms(percentile(hits, 99))}`,
  );
  console.log(`  model server saw ${llm.received.length} requests for ${2 * samples + 2} calls`);
  await service.close();
  await llm.close();
}

await benchRules();
await benchCache();
