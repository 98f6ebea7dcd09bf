import type { IncomingMessage } from "node:http";
import { type Readable, Transform } from "node:stream";
import { signRouterCredential } from "@hireloop/identity";
import { contextWithSpan, injectTraceContext } from "@hireloop/observability";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context } from "hono";
import { type Dispatcher, errors as undiciErrors } from "undici";
import type { UpstreamTarget } from "../cells/pools.ts";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { headersForCell } from "./headers.ts";
import { CellResponseRelay } from "./relay.ts";

class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

export interface ForwardOptions {
  /** Headers the router adds for this upstream (a hop's peer credentials). */
  headers?: Record<string, string>;
  /** Headers the router adds to the upstream's response (lower-case names). */
  responseHeaders?: Record<string, string>;
  /** The answer when the upstream cannot be reached. */
  unavailable?: (c: Context<RouterEnv>) => Response;
}

/**
 * Streams the request to the cell (or another region's router) and the response back, both with
 * back-pressure: nothing is buffered whole, and each chunk of a server-sent event stream is written
 * as it arrives (see CellResponseRelay). Resolves once the response head is sent (the body keeps
 * flowing after that); the result tells the adapter the response was written directly.
 */
export async function forwardUpstream(
  c: Context<RouterEnv>,
  target: UpstreamTarget,
  options: ForwardOptions = {},
): Promise<Response> {
  const { incoming, outgoing } = c.env;
  const config = c.get("deps").config.proxy;
  const requestId = c.get("requestId");
  const cell = target.id;
  const relay = new CellResponseRelay(outgoing, {
    requestId,
    incoming,
    bodyIdleTimeoutMs: config.bodyIdleTimeoutMs,
    extraHeaders: { ...options.responseHeaders, ...c.get("answerHeaders") },
    onBroken: (error) => c.get("logger").warn({ err: error, cell }, "the cell's response broke off"),
  });
  const url = new URL(c.req.url);
  const path = `${target.basePath}${url.pathname}${url.search}`;
  const method = c.req.method as Dispatcher.HttpMethod;
  const credential =
    target.cellKey === undefined
      ? undefined
      : signRouterCredential(target.cellKey, { method, path, tenant: c.get("identity")?.uid ?? "" });
  target.pool.dispatch(
    {
      path,
      method,
      headers: {
        ...headersForCell(incoming.headers, {
          requestId,
          trace: injectTraceContext(contextWithSpan(c.get("span"))),
          peerAddress: incoming.socket.remoteAddress ?? "unknown",
          trustedProxies: c.get("peerHop") === undefined ? config.trustedProxies : 1,
        }),
        ...options.headers,
        ...credential,
      },
      body: requestBody(incoming, config.maxBodyBytes),
      headersTimeout: config.headersTimeoutMs,
      bodyTimeout: 0,
    },
    relay,
  );
  let statusCode: number;
  try {
    statusCode = await relay.head;
  } catch (error) {
    return failed(c, target, options, error as Error, relay.callerLeft || incoming.errored !== null);
  }
  c.set("proxied", { cell, status: statusCode });
  c.get("deps").metrics.proxiedRequests.inc({ cell, status: String(statusCode) });
  return RESPONSE_ALREADY_SENT;
}

/** Maps a failure before the response head to the caller's answer. */
function failed(
  c: Context<RouterEnv>,
  target: UpstreamTarget,
  options: ForwardOptions,
  error: Error,
  callerLeft: boolean,
): Response {
  const { metrics, config } = c.get("deps");
  const cell = target.id;
  const count = (status: number) => {
    c.set("proxied", { cell, status });
    metrics.proxiedRequests.inc({ cell, status: String(status) });
  };
  if (callerLeft) {
    // Nobody is listening; 499 (nginx's "client closed request") keeps the metrics honest.
    count(499);
    c.env.outgoing.destroy();
    return RESPONSE_ALREADY_SENT;
  }
  if (error instanceof BodyTooLargeError) {
    count(413);
    return errorResponse(
      c,
      413,
      {
        code: "payload_too_large",
        message: `the request body is larger than ${config.proxy.maxBodyBytes} bytes`,
      },
      { Connection: "close" },
    );
  }
  if (error instanceof undiciErrors.HeadersTimeoutError) {
    count(504);
    c.get("logger").warn({ cell, err: error }, "the cell did not answer in time");
    return errorResponse(c, 504, {
      code: "cell_timeout",
      message: `your cell did not answer within ${config.proxy.headersTimeoutMs} ms`,
    });
  }
  count(503);
  c.get("logger").warn({ cell, err: error }, "the upstream could not be reached");
  return options.unavailable?.(c) ?? cellUnavailable(c, cell, config.proxy.retryAfterSeconds);
}

/** 503 for a tenant whose cell cannot serve now. Never retried on another cell: the tenant's data is not there. */
export function cellUnavailable(c: Context<RouterEnv>, cell: string, retryAfterSeconds: number): Response {
  return errorResponse(
    c,
    503,
    { code: "cell_unavailable", message: `your cell (${cell}) is unavailable; retry shortly` },
    { "Retry-After": String(retryAfterSeconds) },
  );
}

/**
 * The caller's body as a stream, whatever the method. A declared length was checked at the edge and
 * Node's parser holds the body to it; a chunked body is counted on the way and cut at the limit.
 */
function requestBody(incoming: IncomingMessage, maxBytes: number): Readable | null {
  if (incoming.headers["content-length"] !== undefined) return incoming;
  if (incoming.headers["transfer-encoding"] === undefined) return null;
  let received = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > maxBytes) callback(new BodyTooLargeError(`more than ${maxBytes} bytes`));
      else callback(null, chunk);
    },
  });
  return incoming.pipe(limit);
}
