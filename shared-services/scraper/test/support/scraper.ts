import { type RunningGrpcServer, startGrpcServer } from "@hireloop/grpc";
import { createLogger, createMetricsRegistry } from "@hireloop/observability";
import { createScraperApp } from "../../src/app.ts";
import { createScraperClient, type ScraperClient } from "../../src/client.ts";
import { loadConfig } from "../../src/config.ts";

export interface RunningScraper {
  client: ScraperClient;
  metrics(): Promise<string>;
  close(): Promise<void>;
}

/** The scraper as main.ts builds it, configured from env, behind a real gRPC server on a free port. */
export async function startScraper(env: Record<string, string> = {}): Promise<RunningScraper> {
  const config = loadConfig({
    HL_REGION: "test",
    HL_GRPC_PORT: "0",
    HL_METRICS_PORT: "0",
    HL_HOST_MIN_INTERVAL_MS: "0",
    HL_CACHE_FRESH_MS: "0",
    HL_RETRY_BASE_DELAY_MS: "10",
    ...env,
  });
  const registry = createMetricsRegistry({ service: "scraper-test" });
  const logger = createLogger({ service: "scraper-test", level: "silent" });
  const app = createScraperApp(config, { logger, registry });
  const server: RunningGrpcServer = await startGrpcServer({
    host: "127.0.0.1",
    port: 0,
    services: [app.binding],
    logger,
    registry,
  });
  const client = createScraperClient(`127.0.0.1:${server.port}`);
  return {
    client,
    metrics: () => registry.metrics(),
    async close() {
      client.close();
      await server.stop(100);
      await app.close();
    },
  };
}
