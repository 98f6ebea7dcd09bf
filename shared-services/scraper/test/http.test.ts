import { afterEach, describe, expect, it } from "vitest";
import { createGreenhouseBoard } from "../src/boards/greenhouse.ts";
import { BoardFailure } from "../src/boards/types.ts";
import { parseRetryAfter } from "../src/http.ts";
import { type BoardServer, type Route, recorded, startBoardServer } from "./support/board-server.ts";
import { signal, testHttpClient } from "./support/http.ts";

const servers: BoardServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(routes: Record<string, Route>) {
  const server = await startBoardServer(routes);
  servers.push(server);
  return server;
}

const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof BoardFailure ? error.status : `threw ${String(error)}`),
  );

describe("the job-board HTTP client", () => {
  it("keeps at most the per-host limit of requests in flight, however many sources a search has", async () => {
    const tokens = Array.from({ length: 8 }, (_, index) => `company${index}`);
    const body = recorded("greenhouse-jobs.json");
    const server = await serve(
      Object.fromEntries(tokens.map((token) => [`/v1/boards/${token}/jobs`, { body, delayMs: 40 }])),
    );
    const { http } = testHttpClient({ perHost: { maxConcurrent: 2, minIntervalMs: 0 } });
    const board = createGreenhouseBoard({ http, baseUrl: server.baseUrl, boards: tokens });
    const outcome = await board.search({ query: "", location: "", signal: signal() });
    expect(server.requests).toHaveLength(8);
    expect(server.maxConcurrent()).toBeLessThanOrEqual(2);
    // All eight boards share the same recorded jobs: 8 × 3 postings before deduplication.
    expect(outcome.postings).toHaveLength(24);
  });

  it("one source failing leaves the board ok, with the failure in the detail", async () => {
    const server = await serve({ "/v1/boards/good/jobs": { body: recorded("greenhouse-jobs.json") } });
    const { http } = testHttpClient();
    const board = createGreenhouseBoard({ http, baseUrl: server.baseUrl, boards: ["good", "gone"] });
    const outcome = await board.search({ query: "", location: "", signal: signal() });
    expect(outcome.postings).toHaveLength(3);
    expect(outcome.detail).toMatch(/^gone: not_found/);
  });

  it("skips single invalid items and says how many", async () => {
    const recordedBody = JSON.parse(recorded("greenhouse-jobs.json")) as { jobs: unknown[] };
    const body = JSON.stringify({
      jobs: [...recordedBody.jobs, { id: "not-a-number" }, { id: 9, title: "No URL" }],
    });
    const server = await serve({ "/v1/boards/acme/jobs": { body } });
    const { http } = testHttpClient();
    const outcome = await createGreenhouseBoard({ http, baseUrl: server.baseUrl, boards: ["acme"] }).search({
      query: "",
      location: "",
      signal: signal(),
    });
    expect(outcome.postings).toHaveLength(3);
    expect(outcome.detail).toBe("2 invalid postings skipped");
  });

  it("a board slower than the attempt timeout is unavailable; a caller who leaves stops the wait at once", async () => {
    const server = await serve({ "/slow": { body: "{}", delayMs: 1_500 } });
    const { http } = testHttpClient({ timeoutMs: 100, maxAttempts: 2 });
    const timedOut = await http.getJson(`${server.baseUrl}/slow`, signal()).catch((error: unknown) => error);
    expect(timedOut).toBeInstanceOf(BoardFailure);
    expect(timedOut).toMatchObject({
      status: "unavailable",
      message: expect.stringMatching(/no answer within 100 ms/),
    });
    expect(server.requests).toHaveLength(2);

    const patient = testHttpClient({
      timeoutMs: 5_000,
      perHost: { maxConcurrent: 1, minIntervalMs: 0 },
    }).http;
    const occupying = patient.getJson(`${server.baseUrl}/slow`, signal());
    const started = Date.now();
    const queued = await statusOf(patient.getJson(`${server.baseUrl}/slow`, AbortSignal.timeout(100)));
    expect(queued).toBe("unavailable");
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await statusOf(occupying)).toBe("ok");
  });

  it("refuses bodies over the size limit as malformed", async () => {
    const server = await serve({ "/big": { body: JSON.stringify({ jobs: "x".repeat(5_000) }) } });
    const { http } = testHttpClient({ maxBodyBytes: 1_000 });
    expect(await statusOf(http.getJson(`${server.baseUrl}/big`, signal()))).toBe("malformed");
  });

  it("serves a fresh cached body without asking the board again", async () => {
    const server = await serve({ "/feed": { body: '{"postings":[]}' } });
    const { http } = testHttpClient({ cacheFreshMs: 60_000 });
    const first = await http.getJson(`${server.baseUrl}/feed`, signal());
    const second = await http.getJson(`${server.baseUrl}/feed`, signal());
    expect(first).toEqual({ body: { postings: [] }, fromCache: false });
    expect(second).toEqual({ body: { postings: [] }, fromCache: true });
    expect(server.requests).toHaveLength(1);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("Tue, 20 May 2025 10:00:00 GMT");
    expect(parseRetryAfter("3", now)).toBe(3_000);
    expect(parseRetryAfter("Tue, 20 May 2025 10:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfter("Tue, 20 May 2025 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
