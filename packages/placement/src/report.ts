import { bucketOf } from "./bucket.ts";
import { bucketCounts, cellFor } from "./lookup.ts";
import type { HomeEntry } from "./store/directory.ts";
import type { CellRecord, PlacementTable } from "./types.ts";

/** One cell as operators see it, whoever reads it (the CLI, the router's operator API). */
export interface CellReport {
  id: string;
  state: CellRecord["state"];
  /** "up", "down", or what the reader could tell. */
  health: string;
  buckets: number;
  /** Null when the reader could not count them. */
  tenants: number | null;
  maxTenants: number | null;
  full: boolean;
  apiUrl: string;
}

/** What the reader knows of each cell beyond its record: its health and tenant count. */
export type CellFacts = (cell: CellRecord) => { health: string; tenants: number | null };

export function reportCells(
  cells: readonly CellRecord[],
  table: PlacementTable | null | undefined,
  facts: CellFacts,
): CellReport[] {
  const counts = table ? bucketCounts(table) : new Map<string, number>();
  return cells.map((cell) => {
    const { health, tenants } = facts(cell);
    return {
      id: cell.id,
      state: cell.state,
      health,
      buckets: counts.get(cell.id) ?? 0,
      tenants,
      maxTenants: cell.maxTenants ?? null,
      full: cell.maxTenants !== undefined && (tenants ?? 0) >= cell.maxTenants,
      apiUrl: cell.apiUrl,
    };
  });
}

/** Where a tenant lives: their home region (if the directory knows it), bucket and cell in `region`. */
export interface TenantWhereabouts {
  tenant: string;
  region: string;
  home: { region: string; cell: string | null; resident: boolean; source: HomeEntry["source"] } | null;
  bucket: number;
  cell: string;
  pinned: boolean;
  version: number;
}

export function whereIs(
  region: string,
  table: PlacementTable,
  tenant: string,
  home: HomeEntry | undefined,
): TenantWhereabouts {
  return {
    tenant,
    region,
    home:
      home === undefined
        ? null
        : { region: home.homeRegion, cell: home.cellId, resident: home.resident, source: home.source },
    bucket: bucketOf(tenant),
    cell: cellFor(table, tenant),
    pinned: table.overrides.has(tenant),
    version: table.version,
  };
}
