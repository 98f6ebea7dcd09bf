import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildTable, createPlacementStore, type PlacementStore, waitForRouters } from "../src/index.ts";
import { cells } from "./support/cells.ts";
import { type ControlPlaneDatabase, createControlPlaneDatabase } from "./support/database.ts";

let database: ControlPlaneDatabase;
let sql: postgres.Sql;
let store: PlacementStore;
const REGION = "converging";

beforeAll(async () => {
  database = await createControlPlaneDatabase();
  sql = database.connect();
  store = createPlacementStore(sql);
  const records = cells(2).map((c) => ({ ...c, region: REGION }));
  for (const record of records) await store.upsertCell(record);
  await store.saveTable(buildTable({ region: REGION, cells: records }));
});
afterAll(async () => {
  await database?.drop();
});

describe("waitForRouters", () => {
  it("returns at once in a region without live routers", async () => {
    expect(await waitForRouters(store, "nobody-routes-here")).toMatchObject({ routers: 0 });
  });

  it("waits for every live router to serve the current placement, naming the ones behind", async () => {
    const current = await store.currentStamp(REGION);
    await store.reportRouter(REGION, "router-a", current);
    await store.reportRouter(REGION, "router-b", { ...current, version: current.version - 1 });
    await expect(waitForRouters(store, REGION, { timeoutMs: 300 })).rejects.toMatchObject({
      code: "routers_not_converged",
      message: expect.stringContaining("router-b"),
    });

    const waiting = waitForRouters(store, REGION, { timeoutMs: 5_000, pollMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await store.reportRouter(REGION, "router-b", current);
    expect(await waiting).toMatchObject({ routers: 2 });
    expect((await waitForRouters(store, REGION)).waitedMs).toBeLessThan(100);
  });

  it("does not wait for a router that stopped reporting", async () => {
    const current = await store.currentStamp(REGION);
    await store.reportRouter(REGION, "router-gone", { version: 0, overridesRevision: 0 });
    await new Promise((resolve) => setTimeout(resolve, 120));
    await store.reportRouter(REGION, "router-a", current);
    await store.reportRouter(REGION, "router-b", current);
    expect(await waitForRouters(store, REGION, { liveWithinMs: 100, timeoutMs: 1_000 })).toMatchObject({
      routers: 2,
    });
    await expect(
      waitForRouters(store, REGION, { liveWithinMs: 60_000, timeoutMs: 200 }),
    ).rejects.toMatchObject({
      code: "routers_not_converged",
    });
  });
});
