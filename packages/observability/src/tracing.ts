import {
  type Attributes,
  type Context,
  context,
  type Link,
  propagation,
  type Span,
  type SpanKind,
  SpanStatusCode,
  trace,
} from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import {
  EXPORT_SETTINGS,
  otlpEndpointFrom,
  otlpSpanProcessor,
  serviceResource,
  type TracedService,
} from "./trace-export.ts";

export interface Tracing {
  /** Where spans go: an OTLP endpoint, or undefined when they are only created and propagated. */
  endpoint: string | undefined;
  /** Exports the spans still queued (bounded by the export timeout); for graceful shutdown. */
  shutdown(): Promise<void>;
}

let installed: Tracing | undefined;

/**
 * Installs a tracer provider, async context and the W3C propagator, so spans get real ids and
 * trace context flows through HTTP, the job queue and Kafka headers. With OTEL_EXPORTER_OTLP_ENDPOINT
 * set, spans are batched and exported over OTLP as `service`; without it nothing is exported and
 * spans cost no more than creating them (ADR 0040).
 */
export function installTracing(service: TracedService, env: NodeJS.ProcessEnv = process.env): Tracing {
  if (installed) return installed;
  const endpoint = otlpEndpointFrom(env);
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const provider =
    endpoint === undefined
      ? new BasicTracerProvider()
      : new BasicTracerProvider({
          resource: serviceResource(service),
          spanProcessors: [otlpSpanProcessor(endpoint)],
        });
  trace.setGlobalTracerProvider(provider);
  // A collector that is down or slow at shutdown loses the last spans; the process still exits, in time.
  const shutdown = () =>
    new Promise<void>((resolve) => {
      const giveUp = setTimeout(resolve, EXPORT_SETTINGS.exportTimeoutMillis);
      giveUp.unref();
      provider.shutdown().then(
        () => resolve(),
        () => resolve(),
      );
    });
  installed = { endpoint, shutdown };
  return installed;
}

const tracer = () => trace.getTracer("hireloop");

export interface SpanOptions {
  attributes?: Attributes;
  /** The span's parent; the active context by default. */
  parent?: Context;
  /** SERVER, CLIENT, PRODUCER or CONSUMER at a hop between processes; INTERNAL by default. */
  kind?: SpanKind;
  /** Other traces this span belongs to as well: each message of a batch a consumer handles at once. */
  links?: Context[];
}

const spanSettings = (options: SpanOptions) => ({
  attributes: options.attributes ?? {},
  ...(options.kind === undefined ? {} : { kind: options.kind }),
  ...(options.links === undefined ? {} : { links: linksTo(options.links) }),
});

function linksTo(contexts: Context[]): Link[] {
  const links: Link[] = [];
  for (const linked of contexts) {
    const spanContext = trace.getSpanContext(linked);
    if (spanContext && trace.isSpanContextValid(spanContext)) links.push({ context: spanContext });
  }
  return links;
}

/** Runs fn inside a span; records and rethrows exceptions; always ends the span. */
export async function startSpan<T>(
  name: string,
  fn: (span: Span) => Promise<T>,
  options: SpanOptions = {},
): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer().startActiveSpan(name, spanSettings(options), parent, async (span) => {
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
export function startDetachedSpan(name: string, options: SpanOptions = {}): Span {
  return tracer().startSpan(name, spanSettings(options), options.parent ?? context.active());
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

/**
 * The W3C `traceresponse` header value (Trace Context Level 2) of a span: a caller reads the trace
 * id of its request from the answer, to find the trace in Jaeger or to quote it to support.
 */
export function traceResponse(span: Span): string {
  const { traceId, spanId, traceFlags } = span.spanContext();
  return `00-${traceId}-${spanId}-${traceFlags === 1 ? "01" : "00"}`;
}
