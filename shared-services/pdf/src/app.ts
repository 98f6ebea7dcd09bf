import { bindService, type RunningGrpcServer, serveMetrics, startGrpcServer } from "@hireloop/grpc";
import type { Logger } from "@hireloop/observability";
import { type PdfServiceServer, PdfServiceService } from "@hireloop/proto/pdf";
import { MAX_RESUME_BYTES } from "@hireloop/resume-core";
import type { Registry } from "prom-client";
import type { PdfServiceConfig } from "./config.ts";
import { createPdfMetrics } from "./metrics.ts";
import { createParsePool } from "./parse-pool.ts";
import { createPdfHandlers } from "./service.ts";

export interface RunningPdfService {
  grpcPort: number;
  metricsPort: number;
  grpc: RunningGrpcServer;
  /** Graceful: NOT_SERVING, calls in flight get the grace period, then workers and metrics stop. */
  stop(): Promise<void>;
}

/** Builds the service from its config and injected logger/registry, and starts listening. */
export async function startPdfService(
  config: PdfServiceConfig,
  logger: Logger,
  registry: Registry,
): Promise<RunningPdfService> {
  const pool = createParsePool(config.parse);
  const metrics = createPdfMetrics(registry, pool);
  const grpc = await startGrpcServer({
    host: config.grpc.host,
    port: config.grpc.port,
    logger,
    registry,
    // An upload at the size limit plus the request's other fields.
    maxReceiveBytes: MAX_RESUME_BYTES + 64 * 1024,
    services: [bindService<PdfServiceServer>(PdfServiceService, createPdfHandlers({ pool, metrics }))],
  });
  const metricsServer = await serveMetrics(registry, config.metrics.host, config.metrics.port);
  return {
    grpcPort: grpc.port,
    metricsPort: metricsServer.port,
    grpc,
    async stop() {
      await grpc.stop(config.shutdownGraceMs);
      await pool.close();
      await metricsServer.close();
    },
  };
}
