import { randomBytes, randomUUID } from "node:crypto";
import { connect } from "node:net";
import { signedIn } from "@hireloop/testkit/client";
import { startRegion, type TestRegion } from "@hireloop/testkit/regions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "../src/middleware/edge-headers.ts";
import { startRouter, type TestRouter } from "./support/router.ts";

const USER_LIMIT = 50;
const HSTS = "max-age=31536000; includeSubDomains";

let region: TestRegion;
let router: TestRouter;
const run = randomBytes(4).toString("hex");

beforeAll(async () => {
  region = await startRegion(1);
  const cell = region.cells[0]?.record;
  if (!cell) throw new Error("the region has no cell");
  router = await startRouter([cell], region.jwksUrl, {
    HL_RATE_LIMIT_USER_POINTS: String(USER_LIMIT),
    HL_STRICT_TRANSPORT_SECURITY: HSTS,
  });
}, 120_000);
afterAll(async () => {
  await router?.close();
  await region?.stop();
});

const as = (uid: string) => signedIn(router.url, region.token, uid);

function expectEdgeHeaders(res: Response, label: string) {
  expect(res.headers.get("x-content-type-options"), label).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), label).toBe("no-referrer");
  expect(res.headers.get("content-security-policy"), label).toBe(contentSecurityPolicy({}));
  expect(res.headers.get("content-security-policy"), label).toContain("connect-src 'self';");
  expect(res.headers.get("content-security-policy"), label).toContain("frame-ancestors 'none'");
  expect(res.headers.get("strict-transport-security"), label).toBe(HSTS);
}

describe("headers at the edge", () => {
  it("are on the router's own answers, on answers from a cell, and on the docs page", async () => {
    const own = await fetch(`${router.url}/v1/jobs/${randomUUID()}`);
    expect(own.status).toBe(401);
    expectEdgeHeaders(own, "the router's 401");
    expect(own.headers.get("cache-control")).toBe("no-store");

    const fromCell = await as(`edge-${run}`)(`/v1/jobs/${randomUUID()}`);
    expect(fromCell.status).toBe(404);
    expect(fromCell.headers.get("x-hl-cell")).toBe("us-east-1");
    expectEdgeHeaders(fromCell, "a cell's 404");
    expect(fromCell.headers.get("cache-control")).toBe("no-store");

    const docs = await fetch(`${router.url}/docs`);
    expect(docs.status).toBe(200);
    expectEdgeHeaders(docs, "the docs page");
    expect(await docs.text()).not.toMatch(/<script>[^<]/);

    for (const path of ["/healthz", "/readyz", "/openapi.json"]) {
      expectEdgeHeaders(await fetch(`${router.url}${path}`), path);
    }
  });

  it("keep personal data out of caches: every /v1 answer that carries it says no-store", async () => {
    const user = as(`no-store-${run}`);
    const created = await user("/v1/jobs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Backend engineer: TypeScript, PostgreSQL and Kafka; five years." }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const { id } = await created.json();
    const read = await user(`/v1/jobs/${id}`);
    expect(read.headers.get("cache-control")).toBe("no-store");
    expect((await user("/v1/home")).headers.get("cache-control")).toBe("no-store");
  });

  it("announce the rate limit a caller is closest to, and what is left of it", async () => {
    const user = as(`counted-${run}`);
    const first = await user(`/v1/jobs/${randomUUID()}`);
    const second = await user(`/v1/jobs/${randomUUID()}`);
    for (const res of [first, second]) {
      expect(res.headers.get("ratelimit-limit")).toBe(String(USER_LIMIT));
      expect(res.headers.get("ratelimit-policy")).toBe(`${USER_LIMIT};w=60`);
      expect(Number(res.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1);
    }
    expect(Number(first.headers.get("ratelimit-remaining"))).toBe(USER_LIMIT - 1);
    expect(Number(second.headers.get("ratelimit-remaining"))).toBe(USER_LIMIT - 2);
  });
});

describe("what only operators see", () => {
  it("serves metrics and the cells' health on the admin listener, never on the public port", async () => {
    expect((await fetch(`${router.url}/metrics`)).status).toBe(404);
    const ready = await (await fetch(`${router.url}/readyz`)).json();
    expect(ready).toEqual({ status: "ready", region: "us-east" });
    expect((await fetch(`${router.adminUrl}/metrics`)).status).toBe(200);
    expect(await (await fetch(`${router.adminUrl}/readyz`)).json()).toMatchObject({
      cells: { "us-east-1": "up" },
    });
  });
});

/** Sends a request with `headerBytes` of headers over a raw socket and reads whatever comes back. */
function requestWithHeaders(url: string, headerBytes: number): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      answer += chunk;
    });
    socket.on("close", () => resolve(answer));
    socket.on("error", (error) => (answer === "" ? reject(error) : resolve(answer)));
    socket.setTimeout(10_000, () => socket.destroy(new Error("no answer within 10 s")));
    const filler = "x".repeat(1_000);
    const lines = Array.from(
      { length: Math.ceil(headerBytes / 1_020) },
      (_, i) => `x-fill-${i}: ${filler}\r\n`,
    );
    socket.write(`GET /v1/jobs HTTP/1.1\r\nhost: ${hostname}:${port}\r\n`);
    // Written in pieces, as a client does, so the router refuses while the client is still sending.
    for (const line of lines) socket.write(line);
    socket.end("\r\n");
  });
}

describe("oversized headers", () => {
  for (const kilobytes of [17, 64, 512, 4_096]) {
    it(`are answered 431 with a code at ${kilobytes} KB, not a reset connection`, async () => {
      const answer = await requestWithHeaders(router.url, kilobytes * 1024);
      expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 431 Request Header Fields Too Large");
      expect(answer.toLowerCase()).toContain("x-content-type-options: nosniff");
      expect(JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4))).toMatchObject({
        code: "headers_too_large",
      });
    });
  }

  it("are let through up to the router's limit, and the cell takes what the router passes", async () => {
    const res = await as(`big-headers-${run}`)(`/v1/jobs/${randomUUID()}`, {
      headers: { "x-padding": "p".repeat(14 * 1024) },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get("x-hl-cell")).toBe("us-east-1");
  });
});
