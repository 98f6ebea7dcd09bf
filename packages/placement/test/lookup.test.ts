import { describe, expect, it } from "vitest";
import {
  bucketOf,
  buildTable,
  cellFor,
  cellForNewTenant,
  type PlacementTable,
  planChange,
} from "../src/index.ts";
import { cell, cells, REGION } from "./support/cells.ts";

describe("cellFor", () => {
  const table = buildTable({ region: REGION, cells: cells(3) });

  it("serves a tenant from its bucket's cell", () => {
    for (const tenantKey of ["alice", "bob", "org:acme", "山田太郎"]) {
      expect(cellFor(table, tenantKey)).toBe(table.buckets[bucketOf(tenantKey)]);
    }
  });

  it("serves an overridden tenant from its pinned cell first", () => {
    const home = cellFor(table, "heavy-tenant");
    const pinnedCell = cells(3).find((c) => c.id !== home)?.id ?? "";
    const pinned: PlacementTable = { ...table, overrides: new Map([["heavy-tenant", pinnedCell]]) };

    expect(cellFor(pinned, "heavy-tenant")).toBe(pinnedCell);
    expect(cellFor(pinned, "someone-else")).toBe(cellFor(table, "someone-else"));
  });

  it("keeps overrides from the previous table when rebuilding", () => {
    const pinned: PlacementTable = { ...table, overrides: new Map([["vip", cell(1).id]]) };
    const next = buildTable({ region: REGION, cells: cells(4), previous: pinned });
    expect(cellFor(next, "vip")).toBe(cell(1).id);
  });

  it("rejects a table with missing buckets", () => {
    const broken: PlacementTable = { ...table, buckets: [] };
    expect(() => cellFor(broken, "alice")).toThrowError(expect.objectContaining({ code: "invalid_table" }));
  });
});

describe("planChange", () => {
  it("lists exactly the buckets whose cell changes", () => {
    const before = buildTable({ region: REGION, cells: cells(3) });
    const after = buildTable({ region: REGION, cells: cells(4), previous: before });
    const moves = planChange(before, after);

    expect(moves.length).toBe(after.buckets.filter((id, b) => id !== before.buckets[b]).length);
    for (const move of moves) {
      expect(before.buckets[move.bucket]).toBe(move.from);
      expect(after.buckets[move.bucket]).toBe(move.to);
    }
    expect(planChange(after, after)).toEqual([]);
  });

  it("refuses to compare tables of different regions", () => {
    const here = buildTable({ region: REGION, cells: cells(2) });
    const there = { ...here, region: "eu-central" };
    expect(() => planChange(here, there)).toThrowError(expect.objectContaining({ code: "region_mismatch" }));
  });
});

describe("cellForNewTenant", () => {
  const tenants = Array.from({ length: 20_000 }, (_, i) => `new-tenant-${i}`);

  it("spreads new tenants over the candidates in proportion to their weight, the same way every time", () => {
    const candidates = [cell(1), cell(2, { weight: 2 }), cell(3)];
    const counts = new Map<string, number>();
    for (const tenant of tenants) {
      const chosen = cellForNewTenant(tenant, candidates)?.id ?? "none";
      counts.set(chosen, (counts.get(chosen) ?? 0) + 1);
      expect(cellForNewTenant(tenant, [...candidates].reverse())?.id).toBe(chosen);
    }
    expect((counts.get(cell(1).id) ?? 0) / tenants.length).toBeCloseTo(0.25, 1);
    expect((counts.get(cell(2).id) ?? 0) / tenants.length).toBeCloseTo(0.5, 1);
    expect((counts.get(cell(3).id) ?? 0) / tenants.length).toBeCloseTo(0.25, 1);
  });

  it("moves only the tenants of a cell that stops being a candidate", () => {
    const all = cells(3);
    const withoutThird = all.slice(0, 2);
    for (const tenant of tenants.slice(0, 2_000)) {
      const before = cellForNewTenant(tenant, all)?.id;
      if (before !== cell(3).id) expect(cellForNewTenant(tenant, withoutThird)?.id).toBe(before);
    }
  });

  it("has no answer without candidates", () => {
    expect(cellForNewTenant("anyone", [])).toBeUndefined();
  });
});
