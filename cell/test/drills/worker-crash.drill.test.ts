import type { CellProcesses } from "@hireloop/testkit/cell-processes";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scalar } from "../support/sql.ts";
import { type RoutedCell, startRoutedCell, startTailorings, statuses, until, waitAll } from "./support.ts";

let world: RoutedCell;
let cell: CellProcesses;
let sql: postgres.Sql;

beforeAll(async () => {
  // A short step limit so a crashed worker's job is retried within seconds.
  world = await startRoutedCell({ HL_STEP_TIMEOUT_MS: "3000" });
  cell = world.cell;
  sql = postgres(world.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await sql?.end();
  await world?.stop();
});

describe("drill: the worker is SIGKILLed in the middle of workflows", () => {
  it("completes every workflow exactly once, with exactly one completion event each", async () => {
    const request = world.as("crash-test");
    const ids = await startTailorings(request, 16);
    await until(async () => (await statuses(request, ids)).some((s) => s === "succeeded"));
    await cell.kill("worker", "SIGKILL");
    const atKill = await statuses(request, ids);
    expect(atKill.filter((s) => s === "queued" || s === "running").length).toBeGreaterThan(0);

    await cell.start("worker");
    const final = await waitAll(request, ids);
    expect(final.every((s) => s === "succeeded")).toBe(true);

    const completions = await sql`
      select envelope->'data'->>'workflowId' as id, count(*)::int as n from outbox
      where envelope->>'type' = 'workflow.succeeded' group by 1`;
    expect(completions.length).toBe(ids.length);
    expect(completions.every((row) => row.n === 1)).toBe(true);
    const documents = await scalar(sql`select count(*)::int as n from tailorings`);
    expect(documents).toBe(ids.length);
    const stepEvents = await scalar(sql`
      select count(*)::int as n from outbox where envelope->>'type' = 'workflow.step_completed'`);
    expect(stepEvents).toBe(ids.length * 3);
  });
});
