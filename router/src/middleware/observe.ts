import { extractTraceContext, type Span, SpanKind, startDetachedSpan } from "@hireloop/observability";
import type { MiddlewareHandler } from "hono";
import type { RouterEnv } from "../env.ts";
import { sloGroupLabel } from "../metrics.ts";

declare module "hono" {
  interface ContextVariableMap {
    /** The router's span for this request; the proxy names it as the cell's parent. */
    span: Span;
  }
}

/**
 * Per request: the region's x-hl-region on the router's own answers, a child logger carrying the request id, the router's span (continuing the caller's
 * trace; the proxy injects it towards the cell), one access log line and the latency histogram by
 * router route. For a proxied request the numbers describe the response head: the body may stream on.
 * The span is handed on through the context rather than made active: an active span would run the
 * request inside AsyncLocalStorage, whose promise hooks cost on every await of every request.
 */
export function observe(): MiddlewareHandler<RouterEnv> {
  return async (c, next) => {
    const { logger, metrics } = c.get("deps");
    const started = performance.now();
    const requestId = c.get("requestId");
    c.set("logger", logger.child({ requestId }));
    const span = startDetachedSpan(`${c.req.method} request`, {
      parent: extractTraceContext({
        traceparent: c.req.header("traceparent"),
        tracestate: c.req.header("tracestate"),
      }),
      kind: SpanKind.SERVER,
      attributes: { "http.method": c.req.method },
    });
    c.set("span", span);
    // For the answers the router writes itself; set before they exist (after, hono would copy each
    // into a new web Response). One streamed from a cell or a peer region carries its own.
    c.header("x-hl-region", c.get("deps").config.region);
    try {
      await next();
    } finally {
      span.updateName(`${c.req.method} ${c.req.routePath || "unmatched"}`);
      span.setAttribute("http.status_code", c.get("proxied")?.status ?? c.res.status);
      const cell = c.get("proxied")?.cell;
      if (cell) span.setAttribute("hl.cell", cell);
      span.end();
    }
    const route = c.req.routePath || "unmatched";
    const status = c.get("proxied")?.status ?? c.res.status;
    const seconds = (performance.now() - started) / 1000;
    const group = sloGroupLabel(c.req.method, c.req.path);
    metrics.httpDuration.observe({ method: c.req.method, route, status: String(status), group }, seconds);
    const user = c.get("identity")?.uid;
    const cell = c.get("proxied")?.cell;
    c.get("logger").info(
      {
        method: c.req.method,
        path: c.req.path,
        status,
        ms: Math.round(seconds * 1000),
        ...(user ? { user } : {}),
        ...(cell ? { cell } : {}),
      },
      "request",
    );
  };
}
