import { request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { HttpBindings } from "@hono/node-server";
import { Hono } from "hono";
import { afterEach, describe, expect, it } from "vitest";
import { bodyStillArriving, closeLingering, serveHttp } from "../src/index.ts";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A server that refuses every body unread, as a size limit or a failed sign-in does. */
async function refusingServer(): Promise<string> {
  const app = new Hono<{ Bindings: HttpBindings }>();
  app.post("/upload", (c) => {
    const headers: Record<string, string> = {};
    if (bodyStillArriving(c.env.incoming)) {
      headers.connection = "close";
      closeLingering(c.env.incoming.socket);
    }
    return c.json({ code: "payload_too_large" }, 413, headers);
  });
  const server = serveHttp(app.fetch, { port: 0, hostname: "127.0.0.1" });
  servers.push(server);
  await new Promise((resolve) => server.once("listening", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** One upload, as Node's own client sends it: the answer, or what went wrong before it came. */
function upload(url: string, bytes: number): Promise<string> {
  return new Promise((resolve) => {
    const req = request(
      url,
      { method: "POST", headers: { "content-type": "application/json", "content-length": String(bytes) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(`${res.statusCode} ${res.headers.connection}`));
      },
    );
    // Writing fails once the server stops reading; the answer may still come, or a reset may eat it.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") resolve(error.code ?? error.message);
    });
    req.end(Buffer.alloc(bytes, 120));
  });
}

describe("a body refused before it has arrived", () => {
  it("gets its answer every time, and its connection is not reused", async () => {
    const url = `${await refusingServer()}/upload`;
    const outcomes: string[] = [];
    for (let i = 0; i < 20; i++) outcomes.push(await upload(url, 6 * 1024 * 1024));
    expect(new Set(outcomes)).toEqual(new Set(["413 close"]));
  });
});

describe("headers over the limit", () => {
  it("are answered 431 with a code and the listener's own headers", async () => {
    const app = new Hono();
    app.get("/", (c) => c.text("ok"));
    const server = serveHttp(app.fetch, {
      port: 0,
      hostname: "127.0.0.1",
      maxHeaderBytes: 4_096,
      headers: { "x-content-type-options": "nosniff" },
    });
    servers.push(server);
    await new Promise((resolve) => server.once("listening", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    expect((await fetch(url, { headers: { "x-small": "s".repeat(1_000) } })).status).toBe(200);
    const refused = await fetch(url, { headers: { "x-big": "b".repeat(5_000) } });
    expect(refused.status).toBe(431);
    expect(refused.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await refused.json()).toEqual({
      code: "headers_too_large",
      message: "the request's headers are larger than 4096 bytes",
      requestId: null,
    });
  });
});
