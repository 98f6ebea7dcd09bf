import type { Server } from "node:http";
import type { Socket } from "node:net";
import { serve } from "@hono/node-server";
import type { ErrorBody } from "./errors.ts";

/** Node's default: request headers beyond this are refused with 431 before any handler runs. */
export const MAX_HEADER_BYTES = 16 * 1024;
/** How long a refused connection keeps reading what the client still sends before it is closed. */
const LINGER_MS = 2_000;

/** What the HTTP parser refuses, answered like every other refusal: a status, a code, a message. */
const PARSER_REFUSALS: Record<
  string,
  { status: number; reason: string; body: Omit<ErrorBody, "requestId"> }
> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: "Request Header Fields Too Large",
    body: {
      code: "headers_too_large",
      message: `the request's headers are larger than ${MAX_HEADER_BYTES} bytes`,
    },
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: "Request Timeout",
    body: { code: "request_timeout", message: "the request did not arrive in time" },
  },
};
const MALFORMED = {
  status: 400,
  reason: "Bad Request",
  body: { code: "invalid_request" as const, message: "the request is not valid HTTP/1.1" },
};

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
  options: { port: number; hostname: string; headers?: Record<string, string> },
  onListening?: (port: number) => void,
): Server {
  const server = serve(
    {
      fetch,
      port: options.port,
      hostname: options.hostname,
      serverOptions: { maxHeaderSize: MAX_HEADER_BYTES },
    },
    (info) => onListening?.(info.port),
  ) as Server;
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    // As Node's own handler does: answer only when no response is under way on this connection.
    const answering = (socket as Socket & { _httpMessage?: unknown })._httpMessage;
    if (!socket.writable || answering) {
      socket.destroy();
      return;
    }
    const refusal = PARSER_REFUSALS[error.code ?? ""] ?? MALFORMED;
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
    socket.on("data", () => {});
    socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\n${lines.join("")}\r\n${body}`);
    setTimeout(() => socket.destroy(), LINGER_MS).unref();
  });
  return server;
}
