import { serveMetrics, startGrpcServer } from "@hireloop/grpc";
import { createLogger, createMetricsRegistry, installTracing } from "@hireloop/observability";
import { Redis } from "ioredis";
import { createAiOptimizer } from "./app.ts";
import { loadConfig } from "./config.ts";

const tracing = installTracing("ai-optimizer");
const config = loadConfig();
const logger = createLogger({ service: "ai-optimizer", region: config.region, level: config.logLevel });
const registry = createMetricsRegistry({ service: "ai-optimizer", region: config.region });
// Redis holds only caches, budgets and the audit stream: commands fail fast instead of queueing,
// and each of those paths degrades (cache miss, rules-only, audit line in the log).
const redis = new Redis(config.redis.url, {
  commandTimeout: config.redis.commandTimeoutMs,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
});
redis.on("error", (error) => logger.warn({ err: error }, "redis error"));

const { binding } = createAiOptimizer({ config, redis, registry, logger });
const server = await startGrpcServer({
  host: config.grpc.host,
  port: config.grpc.port,
  services: [binding],
  logger,
  registry,
});
const metricsServer = await serveMetrics(registry, config.metrics.host, config.metrics.port);
logger.info(
  { port: server.port, metricsPort: metricsServer.port },
  `ai-optimizer listening on ${config.grpc.host}:${server.port}`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), config.shutdownGraceMs + 5_000);
  force.unref();
  await server.stop(config.shutdownGraceMs);
  await metricsServer.close();
  redis.disconnect();
  await tracing.shutdown();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
