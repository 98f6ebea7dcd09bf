/** Placement: which cell of a region serves a tenant. See ARCHITECTURE.md section 2. */

/** Fixed for the life of a region: tenants hash into this many buckets. */
export const BUCKET_COUNT = 4096;

export const CELL_STATES = ["active", "draining", "retired"] as const;

export type CellState = (typeof CELL_STATES)[number];

export interface CellRecord {
  id: string;
  region: string;
  state: CellState;
  /** Base URL of the cell's API, e.g. http://127.0.0.1:8081 */
  apiUrl: string;
  /** Relative capacity weight (1 = a standard cell). */
  weight: number;
  /**
   * How many tenants the cell may hold; unset means no limit. A cell at its limit is full: it keeps
   * serving its tenants, but new tenants of its buckets are placed on another cell by an override.
   */
  maxTenants?: number;
}

/** A versioned bucket → cell table plus tenant overrides, as the routers cache it. */
export interface PlacementTable {
  region: string;
  version: number;
  /** buckets[b] is the cell id serving bucket b; length BUCKET_COUNT. */
  buckets: readonly string[];
  /** tenantKey → cell id: pins, quarantine, heavy tenants, new-user placement. */
  overrides: ReadonlyMap<string, string>;
}

export interface BucketMove {
  bucket: number;
  from: string;
  to: string;
}

/** One row of the override table: a tenant served by a named cell whatever its bucket says. */
export interface PlacementOverride {
  region: string;
  tenantKey: string;
  cellId: string;
  /** Why, for operators: "pinned", "quarantine", "heavy tenant", "new user: us-east-2 full", … */
  reason: string;
}
