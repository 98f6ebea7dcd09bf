import type { IncomingMessage } from "node:http";
import { pipeline, type Readable, Transform } from "node:stream";
import { injectTraceContext } from "@hireloop/observability";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context } from "hono";
import { type Dispatcher, errors as undiciErrors } from "undici";
import type { CellTarget } from "../cells/pools.ts";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { headersForCell, headersForClient } from "./headers.ts";

class BodyTooLargeError extends Error {
  override readonly name = "BodyTooLargeError";
}

class BodyIdleTimeoutError extends Error {
  override readonly name = "BodyIdleTimeoutError";
}

/**
 * Streams the request to the cell and the cell's response back, both through Node streams with
 * back-pressure: nothing is buffered whole, and each chunk of a server-sent event stream is written
 * as it arrives. Resolves once the response head is sent (the body keeps flowing after that);
 * the result tells the adapter the response was written directly.
 */
export async function forwardToCell(c: Context<RouterEnv>, target: CellTarget): Promise<Response> {
  const { incoming, outgoing } = c.env;
  const config = c.get("services").config.proxy;
  const logger = c.get("logger");
  const requestId = c.get("requestId");
  const cell = target.cell.id;

  // A caller who leaves stops the cell's work too: the upstream request is aborted.
  const callerGone = new AbortController();
  outgoing.once("close", () => {
    if (!outgoing.writableFinished) callerGone.abort();
  });

  const url = new URL(c.req.url);
  let upstream: Dispatcher.ResponseData;
  try {
    upstream = await target.pool.request({
      path: `${target.basePath}${url.pathname}${url.search}`,
      method: c.req.method as Dispatcher.HttpMethod,
      headers: headersForCell(incoming.headers, {
        requestId,
        trace: injectTraceContext(),
        peerAddress: incoming.socket.remoteAddress ?? "unknown",
        trustedProxies: config.trustedProxies,
      }),
      body: requestBody(incoming, config.maxBodyBytes),
      signal: callerGone.signal,
      headersTimeout: config.headersTimeoutMs,
      bodyTimeout: 0,
    });
  } catch (error) {
    return failed(c, target, error as Error, callerGone.signal.aborted || incoming.errored !== null);
  }

  const { statusCode, headers, body } = upstream;
  c.set("proxied", { cell, status: statusCode });
  c.get("services").metrics.proxiedRequests.inc({ cell, status: String(statusCode) });
  outgoing.writeHead(statusCode, headersForClient(headers, requestId));
  // Without a length the body is a stream of unknown duration: let the caller see the head now.
  if (headers["content-length"] === undefined) outgoing.flushHeaders();
  pipeline(body, outgoing, (error) => {
    if (error && !callerGone.signal.aborted) {
      logger.warn({ err: error, cell }, "the cell's response broke off");
    }
  });
  if (!isEventStream(headers["content-type"])) abortWhenIdle(body, config.bodyIdleTimeoutMs);
  return RESPONSE_ALREADY_SENT;
}

/** Maps a failure before the response head to the caller's answer. */
function failed(c: Context<RouterEnv>, target: CellTarget, error: Error, callerLeft: boolean): Response {
  const { metrics, config } = c.get("services");
  const cell = target.cell.id;
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
  c.get("logger").warn({ cell, err: error }, "the cell could not be reached");
  return cellUnavailable(c, cell, config.proxy.retryAfterSeconds);
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

function isEventStream(contentType: string | string[] | undefined): boolean {
  return typeof contentType === "string" && contentType.toLowerCase().startsWith("text/event-stream");
}

/** A response body that stops mid-way for too long is cut, so a stuck cell cannot hold the caller forever. */
function abortWhenIdle(body: Readable, idleMs: number) {
  const timer = setTimeout(() => body.destroy(new BodyIdleTimeoutError(`no data for ${idleMs} ms`)), idleMs);
  body.on("data", () => timer.refresh());
  body.once("close", () => clearTimeout(timer));
}
