import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BUCKET_COUNT,
  bucketCounts,
  bucketOf,
  buildTable,
  type CellRecord,
  type PlacementTable,
  planChange,
} from "../src/index.ts";
import { cell, cells, REGION } from "./support/cells.ts";
import { tableDigest } from "./support/table-digest.ts";

const TENANTS = 1_000_000;
const CELL_COUNTS = [3, 8, 32];

/** Tenants per bucket for 1,000,000 synthetic tenant keys: every cell's load is a sum of these. */
const tenantsPerBucket = new Float64Array(BUCKET_COUNT);
beforeAll(() => {
  for (let i = 0; i < TENANTS; i++) {
    const bucket = bucketOf(`tenant-${i}`);
    tenantsPerBucket[bucket] = (tenantsPerBucket[bucket] ?? 0) + 1;
  }
});

/** max over cells of (tenants / weight), divided by the mean of the same: 1 is perfect. */
function maxOverMean(table: PlacementTable, cellList: readonly CellRecord[]): number {
  const load = new Map<string, number>();
  table.buckets.forEach((cellId, bucket) => {
    load.set(cellId, (load.get(cellId) ?? 0) + (tenantsPerBucket[bucket] ?? 0));
  });
  const active = cellList.filter((c) => c.state === "active");
  const totalWeight = active.reduce((sum, c) => sum + c.weight, 0);
  const perWeight = active.map((c) => (load.get(c.id) ?? 0) / c.weight);
  return Math.max(...perWeight) / (TENANTS / totalWeight);
}

const build = (cellList: CellRecord[], previous?: PlacementTable) =>
  buildTable({ region: REGION, cells: cellList, previous });

describe.each(CELL_COUNTS)("%i equal cells", (n) => {
  it("loads every cell within 5% of the mean over 1,000,000 tenants", () => {
    const table = build(cells(n));
    expect(table.buckets).toHaveLength(BUCKET_COUNT);
    expect(new Set(table.buckets)).toEqual(new Set(cells(n).map((c) => c.id)));
    expect(maxOverMean(table, cells(n))).toBeLessThanOrEqual(1.05);
  });

  it("moves at most 1.1 × B/(N+1) buckets when a cell joins, all of them onto the new cell", () => {
    const before = build(cells(n));
    const after = build(cells(n + 1), before);
    const moves = planChange(before, after);
    const newCell = cell(n + 1).id;

    expect(moves.length).toBeGreaterThan(0);
    expect(moves.length).toBeLessThanOrEqual((1.1 * BUCKET_COUNT) / (n + 1));
    expect(moves.filter((move) => move.to !== newCell)).toEqual([]);
    expect(after.version).toBe(before.version + 1);
    expect(maxOverMean(after, cells(n + 1))).toBeLessThanOrEqual(1.05);
  });

  it("moves only the removed cell's buckets when a cell leaves, spread over all the others", () => {
    const before = build(cells(n));
    const removed = cell(2).id;
    const after = build(
      cells(n).filter((c) => c.id !== removed),
      before,
    );
    const moves = planChange(before, after);

    expect(moves.filter((move) => move.from !== removed)).toEqual([]);
    expect(moves).toHaveLength(bucketCounts(before).get(removed) ?? -1);
    expect(new Set(moves.map((move) => move.to)).size).toBe(n - 1);
    if (n > 1)
      expect(
        maxOverMean(
          after,
          cells(n).filter((c) => c.id !== removed),
        ),
      ).toBeLessThanOrEqual(1.05);
  });
});

describe("buildTable", () => {
  it("empties a draining cell and moves nothing else", () => {
    const before = build(cells(8));
    const draining = cells(8).map((c) => (c.id === cell(5).id ? { ...c, state: "draining" as const } : c));
    const after = build(draining, before);
    const moves = planChange(before, after);

    expect(after.buckets).not.toContain(cell(5).id);
    expect(moves.filter((move) => move.from !== cell(5).id)).toEqual([]);
    expect(moves).toHaveLength(bucketCounts(before).get(cell(5).id) ?? -1);
  });

  it("lets the one active cell own every bucket when the others are retired", () => {
    const table = build([cell(1), cell(2, { state: "retired" })]);
    expect(new Set(table.buckets)).toEqual(new Set([cell(1).id]));
  });

  it("moves nothing when rebuilt from an unchanged region", () => {
    for (const n of CELL_COUNTS) {
      const table = build(cells(n));
      expect(planChange(table, build(cells(n), table))).toEqual([]);
    }
  });

  it("gives cells buckets in proportion to their weights", () => {
    const weighted = [cell(1, { weight: 2 }), cell(2), cell(3), cell(4, { weight: 0.5 })];
    const table = build(weighted);
    const counts = bucketCounts(table);

    for (const c of weighted) {
      const exactShare = (BUCKET_COUNT * c.weight) / 4.5;
      expect(Math.abs((counts.get(c.id) ?? 0) - exactShare)).toBeLessThan(1);
    }
    expect(maxOverMean(table, weighted)).toBeLessThanOrEqual(1.05);
  });

  it("moves only onto the new cell and stays in bound while a region grows from 3 to 12 cells", () => {
    let table = build(cells(3));
    for (let n = 3; n < 12; n++) {
      const next = build(cells(n + 1), table);
      const moves = planChange(table, next);
      expect(moves.length).toBeLessThanOrEqual((1.1 * BUCKET_COUNT) / (n + 1));
      expect(moves.every((move) => move.to === cell(n + 1).id)).toBe(true);
      table = next;
    }
    expect(maxOverMean(table, cells(12))).toBeLessThanOrEqual(1.05);
  });

  it("builds the same table whatever the order of the cells", () => {
    const listed = cells(32);
    const shuffled = [...listed].sort((a, b) => bucketOf(a.id) - bucketOf(b.id));
    expect(shuffled.map((c) => c.id)).not.toEqual(listed.map((c) => c.id));
    expect(build(shuffled).buckets).toEqual(build(listed).buckets);
  });

  it("builds the same tables in another process", () => {
    const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
    const script = fileURLToPath(new URL("./support/table-digest.ts", import.meta.url));
    const child = spawnSync(process.execPath, ["--import", tsxLoader, script, "--print"], {
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(child.stderr).toBe("");
    expect(child.stdout).toBe(tableDigest());
  });
});
