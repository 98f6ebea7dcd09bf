import { randomUUID } from "node:crypto";
import { serveMetrics, startGrpcServer } from "@hireloop/grpc";
import { createLogger, createMetricsRegistry } from "@hireloop/observability";
import { testPlatform } from "@hireloop/testkit/platform";
import { Redis } from "ioredis";
import { createAiOptimizer } from "../../src/app.ts";
import { createAiOptimizerClient } from "../../src/client.ts";
import { loadConfig } from "../../src/config.ts";

/**
 * The service as it runs, on a free port through real gRPC, with the test platform's Redis under a
 * key prefix of its own (other suites share that Redis), configured through the environment.
 */
export async function startAiOptimizer(env: Record<string, string> = {}) {
  const keyPrefix = `hl:ai:test:${randomUUID()}`;
  const config = loadConfig({
    HL_REDIS_URL: testPlatform().redisUrl,
    HL_REDIS_KEY_PREFIX: keyPrefix,
    HL_AUDIT_KEY: "test-audit-key",
    HL_LOG_LEVEL: "silent",
    ...env,
  });
  const redis = new Redis(config.redis.url, { commandTimeout: 2_000, maxRetriesPerRequest: 1 });
  const registry = createMetricsRegistry({ service: "ai-optimizer-test" });
  const logger = createLogger({ service: "ai-optimizer-test", level: "silent" });
  const { binding } = createAiOptimizer({ config, redis, registry, logger });
  const server = await startGrpcServer({ host: "127.0.0.1", port: 0, services: [binding], logger, registry });
  const metricsServer = await serveMetrics(registry, "127.0.0.1", 0);
  const client = createAiOptimizerClient(`127.0.0.1:${server.port}`);
  return {
    client,
    redis,
    keyPrefix,
    config,
    address: `127.0.0.1:${server.port}`,
    /** The Prometheus text a scraper would read. */
    metrics: () => fetch(`http://127.0.0.1:${metricsServer.port}/metrics`).then((res) => res.text()),
    async close() {
      client.close();
      await server.stop(100);
      await metricsServer.close();
      const keys = await redis.keys(`${keyPrefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

export type RunningAiOptimizer = Awaited<ReturnType<typeof startAiOptimizer>>;

/** Environment that points the service at fake OpenAI and Anthropic servers. */
export function modelEnv(urls: { openai?: string; anthropic?: string }, extra: Record<string, string> = {}) {
  return {
    ...(urls.openai
      ? { HL_OPENAI_API_KEY: "sk-test", HL_OPENAI_BASE_URL: urls.openai, HL_OPENAI_MODEL: "gpt-4.1" }
      : {}),
    ...(urls.anthropic
      ? {
          HL_ANTHROPIC_API_KEY: "sk-ant-test",
          HL_ANTHROPIC_BASE_URL: urls.anthropic,
          HL_ANTHROPIC_MODEL: "claude-3-5-haiku-latest",
        }
      : {}),
    HL_PROVIDER_TIMEOUT_MS: "400",
    ...extra,
  };
}

/** The value of one Prometheus series, matched by name and label subset; 0 when absent. */
export function metricValue(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.indexOf("}"));
    if (Object.entries(labels).every(([key, value]) => labelText.includes(`${key}="${value}"`))) {
      return Number(line.slice(line.lastIndexOf(" ") + 1));
    }
  }
  return 0;
}
