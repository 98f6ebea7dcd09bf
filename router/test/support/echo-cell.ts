import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CellRecord } from "@hireloop/placement";

/**
 * A small real HTTP server standing where a cell stands, for what a real cell cannot show: the
 * headers it received, a stream paced by the test, a cell that stalls or answers as someone else.
 */
export interface EchoCell {
  record: CellRecord;
  /** What /healthz answers: "ok", "failing" (500) or another cell's id. */
  health: "ok" | "failing" | { answerAs: string };
  healthChecks: number;
  /** Releases the second event of /v1/stream. */
  releaseStream(): void;
  close(): Promise<void>;
}

export async function startEchoCell(id: string): Promise<EchoCell> {
  let release: () => void = () => {};
  let released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const sockets = new Set<import("node:net").Socket>();
  const cell: EchoCell = {
    record: { id, region: "us-east", state: "active", apiUrl: "", weight: 1 },
    health: "ok",
    healthChecks: 0,
    releaseStream: () => {
      release();
      released = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void | Promise<void>> = {
    "/healthz": (_req, res) => {
      cell.healthChecks += 1;
      if (cell.health === "failing") return void res.writeHead(500).end("{}");
      const answerAs = cell.health === "ok" ? id : cell.health.answerAs;
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ status: "ok", cell: answerAs }));
    },
    "/v1/echo": async (req, res) => {
      const hash = createHash("sha256");
      let bytes = 0;
      for await (const chunk of req) {
        hash.update(chunk as Buffer);
        bytes += (chunk as Buffer).length;
      }
      const body = JSON.stringify({
        method: req.method,
        url: req.url,
        headers: req.headers,
        bytes,
        sha256: hash.digest("hex"),
      });
      res.writeHead(200, {
        "content-type": "application/json",
        "x-hl-cell": id,
        // A hop-by-hop header named in Connection, and Keep-Alive: neither may reach the caller.
        connection: "x-cell-hop",
        "x-cell-hop": "internal",
        "keep-alive": "timeout=5",
        "set-cookie": ["a=1; Path=/", "b=2; Path=/"],
      });
      res.end(body);
    },
    "/v1/stream": async (_req, res) => {
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        "x-hl-cell": id,
      });
      res.write("event: first\ndata: 1\n\n");
      await released;
      res.end("event: second\ndata: 2\n\n");
    },
    "/v1/silent": () => {
      // Never answers: the router's headers timeout must.
    },
    "/v1/stall": (_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": "1000" });
      res.write(Buffer.alloc(100));
    },
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://cell").pathname;
    const route = routes[path];
    if (!route) return void res.writeHead(404, { "x-hl-cell": id }).end();
    // A caller that goes away mid-body (the router enforcing a limit) ends the exchange, nothing more.
    Promise.resolve(route(req, res)).catch(() => res.destroy());
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cell.record.apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return cell;
}
