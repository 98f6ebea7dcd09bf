import { serveMetrics, startGrpcServer } from "@hireloop/grpc";
import { createLogger, createMetricsRegistry, installTracing } from "@hireloop/observability";
import { createScraperApp } from "./app.ts";
import { loadConfig } from "./config.ts";

/** Searches in flight get this long to finish after SIGTERM before they are cancelled. */
const SHUTDOWN_GRACE_MS = 10_000;

const tracing = installTracing("scraper");
const config = loadConfig();
const logger = createLogger({ service: "scraper", region: config.region, level: config.logLevel });
const registry = createMetricsRegistry({ service: "scraper", region: config.region });
const app = createScraperApp(config, { logger, registry });
const server = await startGrpcServer({
  host: config.grpc.host,
  port: config.grpc.port,
  services: [app.binding],
  logger,
  registry,
});
const metrics = await serveMetrics(registry, config.metrics.host, config.metrics.port);
logger.info(
  {
    grpcPort: server.port,
    metricsPort: metrics.port,
    boards: app.service.listBoards().boards.map((board) => board.name),
    defaultBoards: config.defaultBoards,
  },
  `scraper listening on ${config.grpc.host}:${server.port}`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 5_000);
  force.unref();
  await server.stop(SHUTDOWN_GRACE_MS);
  await app.close();
  await metrics.close();
  await tracing.shutdown();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
