import { extractTraceContext, SpanKind, startSpan } from "@hireloop/observability";
import type { MiddlewareHandler } from "hono";
import type { HonoEnv } from "../env.ts";

/**
 * Per request: the cell's headers, a child logger carrying request id and cell (and user once
 * known), a server span continuing the caller's trace, one access log line and the latency
 * histogram by route pattern.
 */
export function observe(): MiddlewareHandler<HonoEnv> {
  return async (c, next) => {
    const deps = c.get("deps");
    const started = performance.now();
    const requestId = c.get("requestId");
    c.set("logger", deps.logger.child({ requestId }));
    // Set before the answer exists: set after, each would make hono copy the finished answer into a
    // new web Response (and @hono/node-server then write it out through a stream).
    c.header("x-hl-cell", deps.config.cellId);
    c.header("x-hl-region", deps.config.region);
    const parent = extractTraceContext({
      traceparent: c.req.header("traceparent"),
      tracestate: c.req.header("tracestate"),
    });
    await startSpan(
      `${c.req.method} request`,
      async (span) => {
        await next();
        span.updateName(`${c.req.method} ${c.req.routePath || "unmatched"}`);
        span.setAttribute("http.status_code", c.res.status);
      },
      { parent, kind: SpanKind.SERVER, attributes: { "http.method": c.req.method } },
    );
    const route = c.req.routePath || "unmatched";
    const seconds = (performance.now() - started) / 1000;
    deps.metrics.httpDuration.observe({ method: c.req.method, route, status: String(c.res.status) }, seconds);
    const user = c.get("identity")?.uid;
    c.get("logger").info(
      {
        method: c.req.method,
        route,
        status: c.res.status,
        ms: Math.round(seconds * 1000),
        ...(user ? { user } : {}),
      },
      "request",
    );
  };
}
