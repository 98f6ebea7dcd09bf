import { readFileSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** One recorded answer: status, headers and body as the board sent them. */
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  /** Wait this long before answering (a slow board). */
  delayMs?: number;
}

/** Answers by path; `hit` counts this path's requests from 1, so a route can change its answer. */
export type Route = Reply | ((hit: number, headers: IncomingHttpHeaders) => Reply);

export interface RecordedRequest {
  path: string;
  search: string;
  headers: IncomingHttpHeaders;
}

export interface BoardServer {
  baseUrl: string;
  requests: RecordedRequest[];
  /** The most requests the server had in flight at once. */
  maxConcurrent(): number;
  close(): Promise<void>;
}

/** A recorded response body from test/fixtures. */
export function recorded(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
}

/** A real HTTP server on 127.0.0.1 serving recorded board responses; unknown paths get 404. */
export async function startBoardServer(routes: Record<string, Route>): Promise<BoardServer> {
  const requests: RecordedRequest[] = [];
  const hits = new Map<string, number>();
  let active = 0;
  let maxActive = 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    requests.push({ path: url.pathname, search: url.search, headers: req.headers });
    active++;
    maxActive = Math.max(maxActive, active);
    res.once("close", () => active--);
    const hit = (hits.get(url.pathname) ?? 0) + 1;
    hits.set(url.pathname, hit);
    const route = routes[url.pathname];
    const reply: Reply = !route
      ? { status: 404, body: '{"error":"Not found"}' }
      : typeof route === "function"
        ? route(hit, req.headers)
        : route;
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
      res.end(reply.body ?? "");
    };
    if (reply.delayMs) setTimeout(send, reply.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    maxConcurrent: () => maxActive,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
