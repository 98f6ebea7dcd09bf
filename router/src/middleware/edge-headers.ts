import { bodyStillArriving, closeLingering } from "@hireloop/http";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { MiddlewareHandler } from "hono";
import type { RouterConfig } from "../config.ts";
import type { RouterEnv } from "../env.ts";

/**
 * One policy for every page the region serves: the API docs and the web app load scripts, styles
 * and fonts only from the router they came from, may inline styles (the docs' renderer does), call
 * only that router, and may never be framed. They may frame what they fetched themselves (the web
 * app shows a tailored PDF it downloaded, as a blob: URL). JSON answers render nothing, so it costs
 * them nothing.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * The headers every answer leaving the region carries, whoever wrote it (the router, a cell, a peer).
 * Names are lower case, as the proxy merges them into an upstream's (lower-case) header object.
 */
export function edgeHeaders(config: Pick<RouterConfig, "strictTransportSecurity">): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    ...(config.strictTransportSecurity === ""
      ? {}
      : { "strict-transport-security": config.strictTransportSecurity }),
  };
}

/** An answer that says nothing about caching holds personal data until shown otherwise. */
export const DEFAULT_CACHE_CONTROL = "no-store";

/**
 * Starts each request's answer headers from the edge's own and lets later middleware add to them
 * (rate-limit headers); answers the router writes itself get them here, streamed answers from a cell
 * or a peer region get them in the proxy. Either way the edge's values win over the upstream's.
 */
export function answerHeaders(): MiddlewareHandler<RouterEnv> {
  let fixed: Record<string, string> | undefined;
  return async (c, next) => {
    fixed ??= edgeHeaders(c.get("services").config);
    c.set("answerHeaders", { ...fixed });
    await next();
    if (c.res === RESPONSE_ALREADY_SENT) return;
    for (const [name, value] of Object.entries(c.get("answerHeaders"))) c.res.headers.set(name, value);
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", DEFAULT_CACHE_CONTROL);
    // Refused without reading the body (401, 413, 429, …): the rest of it is still on its way, so
    // the connection ends here rather than be closed under the client's next request.
    if (bodyStillArriving(c.env.incoming)) {
      c.res.headers.set("connection", "close");
      closeLingering(c.env.incoming.socket);
    }
  };
}
