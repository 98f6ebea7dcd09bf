import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTable,
  cellFor,
  createPlacementStore,
  migrateControlPlane,
  type PlacementStore,
} from "../src/index.ts";
import { cell, cells, REGION } from "./support/cells.ts";
import { type ControlPlaneDatabase, createControlPlaneDatabase } from "./support/database.ts";

let database: ControlPlaneDatabase;
let sql: postgres.Sql;
let store: PlacementStore;

beforeAll(async () => {
  database = await createControlPlaneDatabase();
  sql = database.connect();
  store = createPlacementStore(sql);
});
afterAll(async () => {
  await database?.drop();
});

/** Each test works in its own region of the shared test database. */
let regions = 0;
async function regionWithCells(n: number) {
  const region = `region-${++regions}`;
  const records = cells(n).map((c) => ({ ...c, region, id: c.id.replace(REGION, region) }));
  for (const record of records) await store.upsertCell(record);
  return { region, records };
}

describe("placement store", () => {
  it("migrates idempotently", async () => {
    await migrateControlPlane(sql);
    await migrateControlPlane(sql);
    const tables = await sql<{ table_name: string }[]>`
      select table_name from information_schema.tables where table_name like 'placement_%' order by 1`;
    expect(tables.map((t) => t.table_name)).toEqual([
      "placement_cells",
      "placement_overrides",
      "placement_regions",
      "placement_routers",
      "placement_versions",
    ]);
  });

  it("stores, updates and lists a region's cells", async () => {
    const { region, records } = await regionWithCells(3);
    const [first] = records;
    if (!first) throw new Error("no cell");

    await store.upsertCell({ ...first, apiUrl: "http://127.0.0.1:9999", weight: 2 });
    await store.setCellState(region, records[2]?.id ?? "", "draining");
    const listed = await store.listCells(region);

    expect(listed).toEqual([
      { ...first, apiUrl: "http://127.0.0.1:9999", weight: 2 },
      records[1],
      {
        ...records[2],
        state: "draining",
      },
    ]);
    expect(await store.listCells("nowhere")).toEqual([]);
  });

  it("rejects state changes of unknown cells and malformed cells", async () => {
    const { region } = await regionWithCells(1);
    await expect(store.setCellState(region, "ghost", "draining")).rejects.toMatchObject({
      code: "unknown_cell",
    });
    await expect(store.upsertCell(cell(1, { region, weight: 0 }))).rejects.toMatchObject({
      code: "invalid_cell",
    });
  });

  it("has no table before the first save, then serves the newest version", async () => {
    const { region, records } = await regionWithCells(3);
    expect(await store.currentTable(region)).toBeNull();
    expect(await store.currentStamp(region)).toEqual({ version: 0, overridesRevision: 0 });

    const first = buildTable({ region, cells: records });
    await store.saveTable(first);
    const second = buildTable({ region, cells: records.slice(0, 2), previous: first });
    await store.saveTable(second);

    const current = await store.currentTable(region);
    expect(current?.version).toBe(2);
    expect(current?.buckets).toEqual(second.buckets);
    expect(await store.currentStamp(region)).toEqual({ version: 2, overridesRevision: 0 });
  });

  it("refuses a version that is not current + 1", async () => {
    const { region, records } = await regionWithCells(2);
    const first = buildTable({ region, cells: records });
    await store.saveTable(first);

    await expect(store.saveTable(first)).rejects.toMatchObject({ code: "version_conflict" });
    await expect(store.saveTable({ ...first, version: 3 })).rejects.toMatchObject({
      code: "version_conflict",
    });
  });

  it("lets exactly one of two concurrent control planes save the next version", async () => {
    const { region, records } = await regionWithCells(2);
    const first = buildTable({ region, cells: records });
    await store.saveTable(first);
    const other = createPlacementStore(database.connect());
    const next = buildTable({ region, cells: records, previous: first });

    const results = await Promise.allSettled([store.saveTable(next), other.saveTable(next)]);

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({
      reason: { code: "version_conflict" },
    });
    expect((await store.currentStamp(region)).version).toBe(2);
  });

  it("refuses a table that names a cell the region does not know", async () => {
    const { region, records } = await regionWithCells(2);
    const table = buildTable({ region, cells: [...records, { ...cell(9), region, id: "stranger" }] });
    await expect(store.saveTable(table)).rejects.toMatchObject({ code: "unknown_cell" });
    expect(await store.currentTable(region)).toBeNull();
  });

  it("keeps saved versions immutable", async () => {
    const { region, records } = await regionWithCells(1);
    await store.saveTable(buildTable({ region, cells: records }));
    await expect(
      sql`update placement_versions set created_at = now() where region = ${region}`,
    ).rejects.toMatchObject({ code: "23001" });
  });

  it("pins and unpins tenants, bumping the overrides revision", async () => {
    const { region, records } = await regionWithCells(3);
    const table = buildTable({ region, cells: records });
    await store.saveTable(table);
    const home = cellFor(table, "heavy");
    const pin = records.find((r) => r.id !== home)?.id ?? "";

    await store.setOverride({ region, tenantKey: "heavy", cellId: pin, reason: "heavy tenant" });
    expect(cellFor((await store.currentTable(region)) ?? table, "heavy")).toBe(pin);
    expect(await store.listOverrides(region)).toEqual([
      { region, tenantKey: "heavy", cellId: pin, reason: "heavy tenant" },
    ]);
    expect(await store.currentStamp(region)).toEqual({ version: 1, overridesRevision: 1 });

    expect(await store.removeOverride(region, "heavy")).toBe(true);
    expect(await store.removeOverride(region, "heavy")).toBe(false);
    expect(cellFor((await store.currentTable(region)) ?? table, "heavy")).toBe(home);
    expect(await store.currentStamp(region)).toEqual({ version: 1, overridesRevision: 2 });
  });

  it("keeps a cell's capacity across re-registration until it is changed", async () => {
    const { region, records } = await regionWithCells(2);
    const [first] = records;
    if (!first) throw new Error("no cell");

    expect((await store.setCellCapacity(region, first.id, 50)).maxTenants).toBe(50);
    await store.upsertCell({ ...first, weight: 2 });
    expect((await store.listCells(region))[0]).toEqual({ ...first, weight: 2, maxTenants: 50 });
    expect((await store.setCellCapacity(region, first.id, undefined)).maxTenants).toBeUndefined();
    await expect(store.setCellCapacity(region, first.id, -1)).rejects.toMatchObject({ code: "invalid_cell" });
    await expect(store.setCellCapacity(region, "ghost", 5)).rejects.toMatchObject({ code: "unknown_cell" });
  });

  it("lets the first of two claims place a new tenant, and tells the second where it went", async () => {
    const { region, records } = await regionWithCells(3);
    await store.saveTable(buildTable({ region, cells: records }));
    const [a, b] = records.map((r) => r.id);
    if (!a || !b) throw new Error("no cells");

    const claims = await Promise.all([
      store.claimOverride({ region, tenantKey: "newcomer", cellId: a, reason: "new tenant" }),
      store.claimOverride({ region, tenantKey: "newcomer", cellId: b, reason: "new tenant" }),
    ]);
    expect(claims[0]).toBe(claims[1]);
    expect(await store.listOverrides(region)).toEqual([
      { region, tenantKey: "newcomer", cellId: claims[0], reason: "new tenant" },
    ]);
    expect((await store.currentStamp(region)).overridesRevision).toBe(1);
    await expect(
      store.claimOverride({ region, tenantKey: "other", cellId: "ghost", reason: "new tenant" }),
    ).rejects.toMatchObject({ code: "unknown_cell" });
  });

  it("refuses to pin a tenant to an unknown cell", async () => {
    const { region } = await regionWithCells(1);
    await expect(
      store.setOverride({ region, tenantKey: "t", cellId: "ghost", reason: "test" }),
    ).rejects.toMatchObject({ code: "unknown_cell" });
  });

  it("gives up with store_timeout when the database does not answer in time", async () => {
    const { region } = await regionWithCells(1);
    const impatient = createPlacementStore(database.connect(), { queryTimeoutMs: 200 });
    const blocker = database.connect();
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const holding = blocker.begin(async (tx) => {
      await tx`lock table placement_versions in access exclusive mode`;
      locked();
      await released;
    });
    await isLocked;

    const started = Date.now();
    await expect(impatient.currentStamp(region)).rejects.toMatchObject({ code: "store_timeout" });
    await expect(impatient.currentTable(region)).rejects.toMatchObject({ code: "store_timeout" });
    expect(Date.now() - started).toBeLessThan(2_000);

    release();
    await holding;
    expect(await impatient.currentStamp(region)).toEqual({ version: 0, overridesRevision: 0 });
  });
});
