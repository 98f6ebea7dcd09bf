import type { IncomingHttpHeaders, OutgoingHttpHeaders } from "node:http";

/** RFC 9110 §7.6.1: these describe one connection, never the message, so they stop at every hop. */
const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-authenticate",
  "proxy-authorization",
  "proxy-connection",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
]);

/**
 * Request headers the router replaces with its own: the pool sets Host for the cell, Node already
 * answered any Expect: 100-continue, and request id, trace context and forwarding headers are the
 * router's to state. `x-hl-*` headers are internal to the platform, so callers cannot smuggle them in.
 */
const SET_BY_ROUTER = new Set([
  "host",
  "expect",
  "x-request-id",
  "traceparent",
  "tracestate",
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-proto",
]);

export interface ForwardingFacts {
  requestId: string;
  /** `{ traceparent, tracestate? }` of the router's span. */
  trace: Record<string, string>;
  /** The socket peer of this hop. */
  peerAddress: string;
  /** Load balancers in front of the router whose X-Forwarded-For entries are kept. */
  trustedProxies: number;
}

/** The headers a cell receives: the caller's end-to-end headers (Authorization included) plus the router's. */
export function headersForCell(
  incoming: IncomingHttpHeaders,
  facts: ForwardingFacts,
): Record<string, string | string[]> {
  const connectionScoped = tokensOf(incoming.connection);
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value === undefined || HOP_BY_HOP.has(name) || SET_BY_ROUTER.has(name)) continue;
    if (connectionScoped.has(name) || name.startsWith("x-hl-")) continue;
    headers[name] = value;
  }
  const forwardedFor = facts.trustedProxies > 0 ? joined(incoming["x-forwarded-for"]) : "";
  headers["x-forwarded-for"] = forwardedFor ? `${forwardedFor}, ${facts.peerAddress}` : facts.peerAddress;
  if (incoming.host) headers["x-forwarded-host"] = incoming.host;
  const forwardedProto = facts.trustedProxies > 0 ? joined(incoming["x-forwarded-proto"]) : "";
  headers["x-forwarded-proto"] = forwardedProto || "http";
  headers["x-request-id"] = facts.requestId;
  Object.assign(headers, facts.trace);
  return headers;
}

/** The headers the caller receives: the cell's end-to-end headers (x-hl-cell included) and the request id. */
export function headersForClient(
  upstream: Record<string, string | string[] | undefined>,
  requestId: string,
): OutgoingHttpHeaders {
  const connectionScoped = tokensOf(upstream.connection);
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(upstream)) {
    if (value === undefined || HOP_BY_HOP.has(name) || connectionScoped.has(name)) continue;
    headers[name] = value;
  }
  headers["x-request-id"] = requestId;
  return headers;
}

function tokensOf(connection: string | string[] | undefined): Set<string> {
  if (connection === undefined) return new Set();
  return new Set(
    joined(connection)
      .split(",")
      .map((token) => token.trim().toLowerCase())
      .filter((token) => token !== ""),
  );
}

function joined(value: string | string[] | undefined): string {
  return Array.isArray(value) ? value.join(", ") : (value ?? "");
}
