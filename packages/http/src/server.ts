import type { IncomingMessage, Server } from "node:http";
import type { Socket } from "node:net";
import { serve } from "@hono/node-server";

import type { ErrorBody } from "./error-body.ts";

interface Refusal {
  status: number;
  reason: string;
  body: Omit<ErrorBody, "requestId">;
}

/** Node's default: request headers beyond this are refused with 431 before any handler runs. */
const DEFAULT_MAX_HEADER_BYTES = 16 * 1024;
/** How long a refused connection keeps reading what the client still sends before it is closed. */
const LINGER_MS = 2_000;

/** What the HTTP parser refuses, answered like every other refusal: a status, a code, a message. */
function refusalOf(code: string | undefined, maxHeaderBytes: number): Refusal {
  switch (code) {
    case "HPE_HEADER_OVERFLOW":
      return {
        status: 431,
        reason: "Request Header Fields Too Large",
        body: {
          code: "headers_too_large",
          message: `the request's headers are larger than ${maxHeaderBytes} bytes`,
        },
      };
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return {
        status: 408,
        reason: "Request Timeout",
        body: { code: "request_timeout", message: "the request did not arrive in time" },
      };
    default:
      return {
        status: 400,
        reason: "Bad Request",
        body: { code: "invalid_request", message: "the request is not valid HTTP/1.1" },
      };
  }
}

export interface ServeOptions {
  port: number;
  hostname: string;
  /** Node's default is 16 KB; a listener behind another may take more than its front does. */
  maxHeaderBytes?: number;
  /** Headers for the answers written here, outside the app (the edge's security headers). */
  headers?: Record<string, string>;
}

/**
 * Serves a hono app on a plain HTTP listener whose parser refusals get a proper answer. Node's own
 * answer to oversized headers is a bare 431 followed at once by closing the socket, and while a
 * client is still sending a large header block that close becomes a reset which destroys the 431
 * before the client reads it: the bigger the headers, the likelier a client sees only "connection
 * reset". Here the answer is written, the sending half is closed, and what the client still sends
 * is read and dropped for a moment (a lingering close, as nginx does) before the socket goes.
 */
export function serveHttp(
  fetch: (request: Request) => Response | Promise<Response>,
  options: ServeOptions,
  onListening?: (port: number) => void,
): Server {
  const maxHeaderSize = options.maxHeaderBytes ?? DEFAULT_MAX_HEADER_BYTES;
  const server = serve(
    { fetch, port: options.port, hostname: options.hostname, serverOptions: { maxHeaderSize } },
    (info) => onListening?.(info.port),
  ) as Server;
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    // As Node's own handler does: answer only when no response is under way on this connection.
    const answering = (socket as Socket & { _httpMessage?: unknown })._httpMessage;
    if (!socket.writable || answering) {
      socket.destroy();
      return;
    }
    const refusal = refusalOf(error.code, maxHeaderSize);
    const body = JSON.stringify({ ...refusal.body, requestId: null } satisfies ErrorBody);
    const head = {
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(body)),
      "cache-control": "no-store",
      connection: "close",
      ...options.headers,
    };
    const lines = Object.entries(head).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.removeAllListeners("data");
    lingerThenClose(socket);
    socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\n${lines.join("")}\r\n${body}`);
  });
  return server;
}

/**
 * Ends a connection whose request body is still arriving, once the answer is out, without losing
 * the answer: Node closes a `Connection: close` socket as soon as the answer is written, and with
 * the client's bytes unread the kernel answers them with a reset that can destroy the answer before
 * the client reads it. This one socket lingers instead (a lingering close, as nginx does).
 */
export function closeLingering(socket: Socket | null): void {
  if (!socket || socket.destroyed) return;
  socket.destroySoon = function destroyAfterLinger(this: Socket) {
    this.end();
    lingerThenClose(this);
  };
}

/** True when a request's headers say a body follows: a length above 0, or a transfer coding. */
export function declaresBody(headers: {
  "content-length"?: string | undefined;
  "transfer-encoding"?: string | undefined;
}): boolean {
  return Number(headers["content-length"] ?? 0) > 0 || headers["transfer-encoding"] !== undefined;
}

/** True while a request's body has not been read to its end. */
export function bodyStillArriving(incoming: IncomingMessage): boolean {
  return declaresBody(incoming.headers) && !incoming.complete;
}

/**
 * A connection the server refuses to read further: what the client still sends is read and dropped
 * for a moment before the socket is closed.
 */
function lingerThenClose(socket: Socket): void {
  socket.on("data", () => {});
  socket.resume();
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}
