import { createLogger, createMetricsRegistry, installTracing } from "@hireloop/observability";
import { startPdfService } from "./app.ts";
import { loadConfig } from "./config.ts";

const tracing = installTracing("pdf");
const config = loadConfig();
const logger = createLogger({ service: "pdf", region: config.region, level: config.logLevel });
const registry = createMetricsRegistry({ service: "pdf", region: config.region });
const service = await startPdfService(config, logger, registry);
logger.info(
  { grpcPort: service.grpcPort, metricsPort: service.metricsPort, parseWorkers: config.parse.workers },
  `pdf service listening on ${config.grpc.host}:${service.grpcPort}`,
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), config.shutdownGraceMs + 10_000);
  force.unref();
  await service.stop();
  logger.info("stopped");
  await tracing.shutdown();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
