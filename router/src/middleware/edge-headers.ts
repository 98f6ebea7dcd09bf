import { bodyStillArriving, closeLingering } from "@hireloop/http";
import { traceResponse } from "@hireloop/observability";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { MiddlewareHandler } from "hono";
import type { RouterConfig } from "../config.ts";
import type { RouterEnv } from "../env.ts";

/**
 * One policy for every page the region serves: the API docs and the web app load scripts, styles
 * and fonts only from the router they came from, may inline styles (the docs' renderer does), call
 * only that router, and may never be framed. They may frame what they fetched themselves (the web
 * app shows a tailored PDF it downloaded, as a blob: URL). JSON answers render nothing, so it costs
 * them nothing. Where the app signs people in with Google, Firebase's sign-in reaches exactly the
 * origins Firebase documents for it: its loader script, its sign-in frame, and the token endpoints.
 */
export function contentSecurityPolicy(config: Pick<RouterConfig, "firebase">): string {
  const firebase = config.firebase;
  const signIn = firebase?.emulatorUrl
    ? { script: [], frame: [], connect: [new URL(firebase.emulatorUrl).origin] }
    : firebase
      ? {
          script: ["https://apis.google.com"],
          frame: [`https://${firebase.authDomain}`],
          connect: ["https://identitytoolkit.googleapis.com", "https://securetoken.googleapis.com"],
        }
      : { script: [], frame: [], connect: [] };
  return [
    "default-src 'self'",
    ["script-src 'self'", ...signIn.script].join(" "),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...signIn.connect].join(" "),
    ["frame-src 'self' blob:", ...signIn.frame].join(" "),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The headers every answer leaving the region carries, whoever wrote it (the router, a cell, a peer).
 * Names are lower case, as the proxy merges them into an upstream's (lower-case) header object.
 */
export function edgeHeaders(
  config: Pick<RouterConfig, "strictTransportSecurity" | "firebase">,
): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "content-security-policy": contentSecurityPolicy(config),
    // Google's sign-in window must be able to answer the page that opened it.
    "cross-origin-opener-policy": config.firebase ? "same-origin-allow-popups" : "same-origin",
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
    fixed ??= edgeHeaders(c.get("deps").config);
    // traceresponse (W3C Trace Context Level 2): the caller learns its request's trace id.
    c.set("answerHeaders", { ...fixed, traceresponse: traceResponse(c.get("span")) });
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
