import {
  type Attributes,
  type Context,
  context,
  propagation,
  type Span,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";

let installed = false;

/**
 * Installs a tracer provider, async context and the W3C propagator, so spans get real ids and
 * trace context flows through HTTP, the job queue and Kafka headers. Exporters are added by
 * deployment configuration; without one, spans are still created and propagated.
 */
export function installTracing(): void {
  if (installed) return;
  installed = true;
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(new BasicTracerProvider());
}

const tracer = () => trace.getTracer("hireloop");

/** Runs fn inside a span; records and rethrows exceptions; always ends the span. */
export async function startSpan<T>(
  name: string,
  fn: (span: Span) => Promise<T>,
  options: { attributes?: Attributes; parent?: Context } = {},
): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer().startActiveSpan(name, { attributes: options.attributes ?? {} }, parent, async (span) => {
    try {
      return await fn(span);
    } catch (error) {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * Starts a span without making it the active one, for a hot path that hands the span on itself
 * (`injectTraceContext(contextWithSpan(span))`) and ends it. No async context is entered, so on
 * Node 20 the AsyncLocalStorage promise hooks (a cost on every promise) stay off for that work.
 */
export function startDetachedSpan(
  name: string,
  options: { attributes?: Attributes; parent?: Context } = {},
): Span {
  return tracer().startSpan(
    name,
    { attributes: options.attributes ?? {} },
    options.parent ?? context.active(),
  );
}

/** `parent` with `span` as its current span, e.g. to inject a detached span's trace context. */
export function contextWithSpan(span: Span, parent: Context = context.active()): Context {
  return trace.setSpan(parent, span);
}

/** The active trace context as a carrier ({ traceparent, tracestate? }) for queues and Kafka headers. */
export function injectTraceContext(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** The context a carrier describes, to continue a trace in another process. */
export function extractTraceContext(carrier: Record<string, string | undefined> | undefined): Context {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(carrier ?? {})) if (typeof value === "string") clean[key] = value;
  // Most callers send no trace context: nothing to parse, and the active context stays as it is.
  if (Object.keys(clean).length === 0) return context.active();
  return propagation.extract(context.active(), clean);
}

/** The trace id of the active span, for log lines. */
export function activeTraceId(): string | undefined {
  const id = trace.getActiveSpan()?.spanContext().traceId;
  return id && id !== "00000000000000000000000000000000" ? id : undefined;
}
