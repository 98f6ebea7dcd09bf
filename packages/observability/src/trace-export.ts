import { parseEnvironment } from "@hireloop/config";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-proto";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { z } from "zod";

/** The deployables that export spans, each under its own `service.name`. */
export type TracedService = "router" | "cell-api" | "cell-worker" | "pdf" | "ai-optimizer" | "scraper";

/**
 * The standard OpenTelemetry variable, so any OTLP collector can be named the usual way. Unset: no
 * exporter at all, and spans cost what they cost before export existed (benches run this way).
 */
const exportEnvironment = z.object({
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as http://127.0.0.1:4318" })
    .optional(),
});

/**
 * Export settings (ADR 0040): a batch leaves at most every second or at 512 spans; the queue holds
 * 2048 spans and drops the newest when the collector falls behind; one export waits at most 3 s.
 * A collector that is down costs failed exports on a timer, never a blocked request or a crash.
 */
export const EXPORT_SETTINGS = {
  maxQueueSize: 2048,
  maxExportBatchSize: 512,
  scheduledDelayMillis: 1_000,
  exportTimeoutMillis: 3_000,
} as const;

/** The OTLP endpoint the environment names, or undefined when export is off. */
export function otlpEndpointFrom(env: NodeJS.ProcessEnv): string | undefined {
  return parseEnvironment(exportEnvironment, env, "tracing").OTEL_EXPORTER_OTLP_ENDPOINT;
}

/** OTLP over HTTP (protobuf) to `${endpoint}/v1/traces`, batched and bounded. */
export function otlpSpanProcessor(endpoint: string): SpanProcessor {
  const exporter = new OTLPTraceExporter({
    url: `${endpoint.replace(/\/+$/, "")}/v1/traces`,
    timeoutMillis: EXPORT_SETTINGS.exportTimeoutMillis,
  });
  return new BatchSpanProcessor(exporter, EXPORT_SETTINGS);
}

export const serviceResource = (service: TracedService) =>
  resourceFromAttributes({ "service.name": service });
