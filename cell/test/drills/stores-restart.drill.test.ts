import { type CellProcesses, platformProcess } from "@hireloop/testkit/cell-processes";
import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RoutedCell, startRoutedCell, startTailorings, waitAll } from "./support.ts";

let world: RoutedCell;
let cell: CellProcesses;

beforeAll(async () => {
  world = await startRoutedCell();
  cell = world.cell;
});
afterAll(async () => {
  await platformProcess("start", "redis");
  await platformProcess("start", "postgres");
  await world?.stop();
});

describe("drill: Redis restarts in the middle of workflows", () => {
  it("loses no workflow and keeps serving", async () => {
    const request = world.as("redis-drill");
    const ids = await startTailorings(request, 12);
    await platformProcess("stop", "redis");
    const during = await request("/v1/resumes", json({ text: textFixture("resume.txt") }));
    expect(during.status).toBe(201);
    const more = await startTailorings(request, 4);
    await platformProcess("start", "redis");
    const all = [...ids, ...more];
    expect(await waitAll(request, all)).toEqual(all.map(() => "succeeded"));
    const stream = await request(`/v1/workflows/${all[0]}/events`);
    expect(await stream.text()).toContain('event: end\ndata: {"status":"succeeded"}');
  });
});

describe("drill: the cell's Postgres stops for a few seconds", () => {
  it("answers 503 database_unavailable with Retry-After meanwhile, says so in its readiness, and loses nothing", async () => {
    const request = world.as("postgres-drill");
    const ids = await startTailorings(request, 8);
    await platformProcess("stop", "postgres");
    try {
      const answers = await Promise.all([
        request("/v1/resumes", json({ text: textFixture("resume.txt") })),
        request(`/v1/workflows/${ids[0]}`),
        request("/v1/jobs"),
        request("/v1/me"),
      ]);
      for (const answer of answers) {
        expect(answer.status, answer.url).toBe(503);
        expect(answer.headers.get("retry-after")).toMatch(/^\d+$/);
        expect((await answer.json()).code).toBe("database_unavailable");
      }
      const ready = await fetch(`${cell.adminUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: "not_ready", checks: { postgres: { ok: false } } });
    } finally {
      await platformProcess("start", "postgres");
    }
    await expect
      .poll(async () => (await request("/v1/resumes", json({ text: textFixture("resume.txt") }))).status, {
        timeout: 30_000,
        interval: 500,
      })
      .toBe(201);
    // Both processes lived through it: a connection lost under a transaction once crashed the
    // worker (postgres.js wrote the ROLLBACK to the dead socket), leaving every workflow running.
    for (const url of [cell.adminUrl, cell.workerUrl]) {
      expect((await fetch(`${url}/healthz`)).status, url).toBe(200);
    }
    expect(await waitAll(request, ids)).toEqual(ids.map(() => "succeeded"));
  });
});
