import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { type AddressInfo, createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { portInUse, probe } from "../../src/local/probes.ts";

const servers: (Server | HttpServer)[] = [];

async function listen<T extends Server | HttpServer>(server: T): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** A port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
  await new Promise((resolve) => server.close(resolve));
  return port;
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe("probe", () => {
  it("reports each kind of server as unhealthy when nothing listens", async () => {
    const port = await closedPort();
    const results = await Promise.all([
      probe({ kind: "postgres", url: `postgres://hireloop@127.0.0.1:${port}/postgres` }),
      probe({ kind: "redis", host: "127.0.0.1", port }),
      probe({ kind: "kafka", brokers: [`127.0.0.1:${port}`] }),
      probe({ kind: "http", url: `http://127.0.0.1:${port}/healthz` }),
    ]);
    for (const result of results) {
      expect(result.healthy).toBe(false);
      expect(result.detail).toMatch(/ECONNREFUSED/);
    }
  });

  it("wants PONG from Redis, not just an open port", async () => {
    const port = await listen(
      createServer((socket) => socket.once("data", () => socket.write("-LOADING Redis is loading\r\n"))),
    );
    expect(await probe({ kind: "redis", host: "127.0.0.1", port })).toEqual({
      healthy: false,
      detail: "-LOADING Redis is loading",
    });
  });

  it("accepts a Redis that answers PONG", async () => {
    const port = await listen(createServer((socket) => socket.once("data", () => socket.write("+PONG\r\n"))));
    expect(await probe({ kind: "redis", host: "127.0.0.1", port })).toEqual({
      healthy: true,
      detail: "PONG",
    });
  });

  it("wants HTTP 200 from a health endpoint", async () => {
    const port = await listen(
      createHttpServer((request, response) => {
        response.statusCode = request.url === "/readyz" ? 503 : 200;
        response.end();
      }),
    );
    expect(await probe({ kind: "http", url: `http://127.0.0.1:${port}/readyz` })).toEqual({
      healthy: false,
      detail: "HTTP 503",
    });
    expect(await probe({ kind: "http", url: `http://127.0.0.1:${port}/healthz` })).toEqual({
      healthy: true,
      detail: "HTTP 200",
    });
  });

  it("gives up on a server that accepts and never answers", async () => {
    const port = await listen(createServer((socket) => socket.resume()));
    const startedAt = Date.now();
    const result = await probe({ kind: "redis", host: "127.0.0.1", port }, 300);
    expect(result.healthy).toBe(false);
    expect(Date.now() - startedAt).toBeLessThan(2_000);
  });
});

describe("portInUse", () => {
  it("tells a taken port from a free one", async () => {
    const taken = await listen(createServer());
    expect(await portInUse("127.0.0.1", taken)).toBe(true);
    expect(await portInUse("127.0.0.1", await closedPort())).toBe(false);
  });
});
