import { createHash, randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDevKeys, signDevToken } from "@hireloop/identity";
import { eventReader, rawGet, settledWithin, signedIn } from "@hireloop/testkit/client";
import { PROJECT_ID } from "@hireloop/testkit/tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type EchoCell, startEchoCell } from "./support/echo-cell.ts";
import { startRouter, type TestRouter } from "./support/router.ts";

const BODY_IDLE_TIMEOUT_MS = 300;

let cell: EchoCell;
let router: TestRouter;
let token: (uid: string) => Promise<string>;

beforeAll(async () => {
  const keys = await generateDevKeys(await mkdtemp(join(tmpdir(), "hl-proxy-keys-")));
  token = (uid) => signDevToken({ uid, projectId: PROJECT_ID, privateKeyPath: keys.privateKeyPath });
  cell = await startEchoCell("us-east-1");
  router = await startRouter([cell.record], `file://${keys.jwksPath}`, {
    HL_BODY_IDLE_TIMEOUT_MS: String(BODY_IDLE_TIMEOUT_MS),
  });
});
afterAll(async () => {
  await router?.close();
  await cell?.close();
});

const as = (uid: string) => signedIn(router.url, token, uid);

describe("what the cell receives", () => {
  it("gets the caller's end-to-end headers and token, the router's request id, trace and forwarding headers", async () => {
    const traceId = randomBytes(16).toString("hex");
    const bearer = `Bearer ${await token("hugo")}`;
    const res = await rawGet(`${router.url}/v1/echo?q=1&r=two`, {
      authorization: bearer,
      "x-request-id": "req-hugo-1",
      traceparent: `00-${traceId}-${randomBytes(8).toString("hex")}-01`,
      accept: "application/json",
      // Hop-by-hop (named in Connection) and platform-internal headers must not pass.
      connection: "keep-alive, x-client-hop",
      "x-client-hop": "secret",
      "x-hl-identity": "admin",
      "x-forwarded-for": "6.6.6.6",
    });
    expect(res.status).toBe(200);
    const seen = JSON.parse(res.body);
    expect(seen.method).toBe("GET");
    expect(seen.url).toBe("/v1/echo?q=1&r=two");
    expect(seen.headers.authorization).toBe(bearer);
    expect(seen.headers.accept).toBe("application/json");
    expect(seen.headers["x-request-id"]).toBe("req-hugo-1");
    const [version, tracedId, parentSpan, flags] = String(seen.headers.traceparent).split("-");
    expect([version, tracedId, flags]).toEqual(["00", traceId, "01"]);
    expect(parentSpan).toMatch(/^[0-9a-f]{16}$/);
    expect(seen.headers["x-client-hop"]).toBeUndefined();
    expect(seen.headers["x-hl-identity"]).toBeUndefined();
    expect(seen.headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen.headers["x-forwarded-host"]).toBe(new URL(router.url).host);
    expect(seen.headers.host).toBe(new URL(cell.record.apiUrl).host);
  });

  it("starts a trace when the caller sends none, and the router's span is the cell's parent", async () => {
    const seen = await (await as("ines")("/v1/echo")).json();
    expect(seen.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(seen.headers.traceparent).not.toMatch(/^00-0{32}-/);
  });

  it("receives a large streamed upload byte for byte", async () => {
    const payload = randomBytes(3 * 1024 * 1024);
    let offset = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (offset >= payload.length) return controller.close();
        controller.enqueue(payload.subarray(offset, offset + 64 * 1024));
        offset += 64 * 1024;
      },
    });
    const res = await as("jana")("/v1/echo", { method: "PUT", body, duplex: "half" } as RequestInit);
    const seen = await res.json();
    expect(seen.method).toBe("PUT");
    expect(seen.headers["transfer-encoding"]).toBe("chunked");
    expect(seen.bytes).toBe(payload.length);
    expect(seen.sha256).toBe(createHash("sha256").update(payload).digest("hex"));
  });
});

describe("what the caller receives", () => {
  it("gets the cell's end-to-end headers and x-hl-cell, not its connection headers", async () => {
    const res = await as("karl")("/v1/echo");
    expect(res.headers.get("x-hl-cell")).toBe("us-east-1");
    expect(res.headers.getSetCookie()).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    expect(res.headers.get("x-cell-hop")).toBeNull();
    expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("gets server-sent events as the cell writes them, however long the stream idles", async () => {
    const res = await as("lena")("/v1/stream");
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const events = eventReader(res.body as ReadableStream<Uint8Array>);
    expect(await events.next()).toEqual({ event: "first", data: "1" });
    const second = events.next();
    // Idle far past the body idle timeout: an event stream is exempt from it.
    expect(await settledWithin(second, BODY_IDLE_TIMEOUT_MS * 3)).toBe("pending");
    cell.releaseStream();
    expect(await second).toEqual({ event: "second", data: "2" });
    expect(await events.next()).toBeNull();
  });
});
