import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json } from "../support/cell.ts";
import { createTestDatabase } from "../support/database.ts";
import { cellFixture } from "../support/fixtures.ts";
import { type CellProcesses, client, platformProcess, startCellProcesses } from "../support/processes.ts";
import { startTailorings, waitAll } from "./support.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let cell: CellProcesses;

beforeAll(async () => {
  database = await createTestDatabase();
  cell = await startCellProcesses(database.url);
});
afterAll(async () => {
  await platformProcess("start", "redis");
  await cell?.stopAll();
  await database?.drop();
});

describe("drill: Redis restarts in the middle of workflows", () => {
  it("loses no workflow and keeps serving", async () => {
    const request = client(cell, "redis-drill");
    const ids = await startTailorings(request, 12);
    await platformProcess("stop", "redis");
    const during = await request("/v1/resumes", json({ text: cellFixture("resume.txt") }));
    expect(during.status).toBe(201);
    const more = await startTailorings(request, 4);
    await platformProcess("start", "redis");
    const all = [...ids, ...more];
    expect(await waitAll(request, all)).toEqual(all.map(() => "succeeded"));
    const stream = await request(`/v1/workflows/${all[0]}/events`);
    expect(await stream.text()).toContain('event: end\ndata: {"status":"succeeded"}');
  });
});
