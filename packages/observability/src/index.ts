export type { Span } from "@opentelemetry/api";
export { checkWithin, type DependencyCheck } from "./dependency-check.ts";
export { createLogger, type Logger, type LoggerContext } from "./logger.ts";
export { createMetricsRegistry } from "./metrics.ts";
export {
  activeTraceId,
  contextWithSpan,
  extractTraceContext,
  injectTraceContext,
  installTracing,
  startDetachedSpan,
  startSpan,
} from "./tracing.ts";
