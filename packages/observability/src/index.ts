export { checkWithin, type DependencyCheck } from "./health.ts";
export { createLogger, type Logger, type LoggerContext } from "./logger.ts";
export { createMetricsRegistry } from "./metrics.ts";
export {
  activeTraceId,
  extractTraceContext,
  injectTraceContext,
  installTracing,
  startSpan,
} from "./tracing.ts";
