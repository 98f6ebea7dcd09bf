import type { CellRecord, CellState } from "../../src/index.ts";

export const REGION = "us-east";

export function cell(index: number, overrides: Partial<CellRecord> = {}): CellRecord {
  return {
    id: `${REGION}-${index}`,
    region: REGION,
    state: "active" as CellState,
    apiUrl: `http://127.0.0.1:${8080 + index}`,
    weight: 1,
    ...overrides,
  };
}

/** us-east-1 … us-east-n, equal weights, all active. */
export function cells(n: number): CellRecord[] {
  return Array.from({ length: n }, (_, i) => cell(i + 1));
}
