import { describe, expect, it } from "vitest";
import { buildTable, type PlacementErrorCode } from "../src/index.ts";
import { cell, cells, REGION } from "./support/cells.ts";

function codeOf(build: () => unknown): PlacementErrorCode | undefined {
  try {
    build();
  } catch (error) {
    return (error as { code?: PlacementErrorCode }).code;
  }
  return undefined;
}

describe("buildTable rejects", () => {
  it("a region without an active cell", () => {
    const draining = cells(2).map((c) => ({ ...c, state: "draining" as const }));
    expect(codeOf(() => buildTable({ region: REGION, cells: draining }))).toBe("no_active_cells");
    expect(codeOf(() => buildTable({ region: REGION, cells: [] }))).toBe("no_active_cells");
  });

  it("a cell of another region", () => {
    const foreign = cell(3, { region: "eu-central" });
    expect(codeOf(() => buildTable({ region: REGION, cells: [cell(1), foreign] }))).toBe("region_mismatch");
  });

  it("a previous table of another region", () => {
    const previous = buildTable({ region: REGION, cells: cells(2) });
    const elsewhere = cells(2).map((c) => ({ ...c, region: "eu-central" }));
    expect(codeOf(() => buildTable({ region: "eu-central", cells: elsewhere, previous }))).toBe(
      "region_mismatch",
    );
  });

  it("a previous table with the wrong number of buckets", () => {
    const previous = { region: REGION, version: 3, buckets: ["us-east-1"], overrides: new Map() };
    expect(codeOf(() => buildTable({ region: REGION, cells: cells(2), previous }))).toBe("invalid_table");
  });

  it.each([
    ["a zero weight", { weight: 0 }],
    ["a negative weight", { weight: -1 }],
    ["an infinite weight", { weight: Number.POSITIVE_INFINITY }],
    ["an empty id", { id: "" }],
  ])("a cell with %s", (_, broken) => {
    expect(codeOf(() => buildTable({ region: REGION, cells: [cell(1), cell(2, broken)] }))).toBe(
      "invalid_cell",
    );
  });

  it("a cell listed twice", () => {
    expect(codeOf(() => buildTable({ region: REGION, cells: [cell(1), cell(1)] }))).toBe("invalid_cell");
  });
});
