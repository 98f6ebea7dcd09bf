export { type Span, SpanKind, SpanStatusCode } from "@opentelemetry/api";
export { checkWithin, type DependencyCheck } from "./dependency-check.ts";
export { createLogger, type Logger, type LoggerContext } from "./logger.ts";
export { createMetricsRegistry } from "./metrics.ts";
export { EXPORT_SETTINGS, type TracedService } from "./trace-export.ts";
export {
  activeTraceId,
  contextWithSpan,
  extractTraceContext,
  injectTraceContext,
  installTracing,
  type SpanOptions,
  startDetachedSpan,
  startSpan,
  type Tracing,
  traceResponse,
} from "./tracing.ts";
