import { afterEach, describe, expect, it } from "vitest";
import { BoardFailure } from "../src/boards/types.ts";
import { adapterCases } from "./support/adapters.ts";
import {
  type BoardServer,
  type Reply,
  type Route,
  recorded,
  startBoardServer,
} from "./support/board-server.ts";
import { signal, testHttpClient } from "./support/http.ts";

const servers: BoardServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(path: string, route: Route) {
  const server = await startBoardServer({ [path]: route });
  servers.push(server);
  return server;
}

async function failureOf(promise: Promise<unknown>): Promise<BoardFailure> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof BoardFailure)) throw new Error(`expected a BoardFailure, got ${String(error)}`);
  return error;
}

/** Every board's list key holding one item that has none of the fields a posting needs. */
const itemsWithoutFields = { jobs: [{ name: "x" }], data: [{ name: "x" }], postings: [{ name: "x" }] };

describe.each(adapterCases)("the $board adapter against a misbehaving board", (testCase) => {
  const search = (baseUrl: string, overrides: Parameters<typeof testHttpClient>[0] = {}) => {
    const { http, registry } = testHttpClient(overrides);
    const board = testCase.create(http, baseUrl);
    return { run: () => board.search({ query: "engineer", location: "", signal: signal() }), registry };
  };

  it("a truncated body is malformed", async () => {
    const server = await serve(testCase.path, { body: recorded(testCase.fixture).slice(0, 300) });
    const failure = await failureOf(search(server.baseUrl).run());
    expect(failure.status).toBe("malformed");
    expect(failure.message).toMatch(/not send JSON/);
  });

  it("JSON of another shape (an error object, or items missing required fields) is malformed", async () => {
    const server = await serve(testCase.path, (hit) =>
      hit === 1
        ? { body: JSON.stringify({ error: "maintenance", message: "back soon" }) }
        : { body: JSON.stringify(testCase.board === "lever" ? [{ name: "x" }] : itemsWithoutFields) },
    );
    const { run } = search(server.baseUrl);
    const wrongShape = await failureOf(run());
    expect(wrongShape.status).toBe("malformed");
    expect(wrongShape.message).toMatch(/not a \w+ job list/);
    const itemsInvalid = await failureOf(run());
    expect(itemsInvalid.status).toBe("malformed");
    expect(itemsInvalid.message).toMatch(/none of 1 postings is valid/);
  });

  it("404 is not_found, without retrying", async () => {
    const server = await serve("/elsewhere", { body: "{}" });
    const failure = await failureOf(search(server.baseUrl).run());
    expect(failure.status).toBe("not_found");
    expect(server.requests).toHaveLength(1);
  });

  it("429 with Retry-After: waits as told, then succeeds", async () => {
    const server = await serve(testCase.path, (hit) =>
      hit === 1
        ? { status: 429, headers: { "retry-after": "1" }, body: '{"error":"rate limited"}' }
        : { body: recorded(testCase.fixture) },
    );
    const { run, registry } = search(server.baseUrl);
    const started = Date.now();
    const outcome = await run();
    expect(outcome.postings.length).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(await registry.metrics()).toMatch(
      /hl_scraper_http_rate_limited_total\{host="127\.0\.0\.1:\d+"[^}]*\} 1/,
    );
  });

  it("429 on every attempt: rate_limited after the bounded attempts", async () => {
    const server = await serve(testCase.path, { status: 429, headers: { "retry-after": "0" }, body: "" });
    const failure = await failureOf(search(server.baseUrl, { maxAttempts: 3 }).run());
    expect(failure.status).toBe("rate_limited");
    expect(server.requests).toHaveLength(3);
  });

  it("a Retry-After longer than the retry limit gives up at once instead of waiting", async () => {
    const server = await serve(testCase.path, { status: 429, headers: { "retry-after": "3600" }, body: "" });
    const started = Date.now();
    const failure = await failureOf(search(server.baseUrl).run());
    expect(failure.status).toBe("rate_limited");
    expect(server.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it("5xx on every attempt is unavailable", async () => {
    const server = await serve(testCase.path, { status: 502, body: "<html>Bad gateway</html>" });
    const failure = await failureOf(search(server.baseUrl, { maxAttempts: 2 }).run());
    expect(failure.status).toBe("unavailable");
    expect(server.requests).toHaveLength(2);
  });

  it("revalidates with If-None-Match and If-Modified-Since; a 304 still yields the postings", async () => {
    const etag = `"${testCase.board}-v1"`;
    const lastModified = "Tue, 20 May 2025 10:00:00 GMT";
    const server = await serve(
      testCase.path,
      (_hit, headers): Reply =>
        headers["if-none-match"] === etag
          ? { status: 304, headers: { etag } }
          : { body: recorded(testCase.fixture), headers: { etag, "last-modified": lastModified } },
    );
    const { run } = search(server.baseUrl);
    const first = await run();
    const second = await run();
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.headers["if-none-match"]).toBeUndefined();
    expect(server.requests[1]?.headers).toMatchObject({
      "if-none-match": etag,
      "if-modified-since": lastModified,
    });
    expect(second.postings).toEqual(first.postings);
    expect(second.postings.length).toBeGreaterThan(0);
  });
});
