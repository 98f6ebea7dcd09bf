import { bucketOf } from "./bucket.ts";
import { PlacementError } from "./errors.ts";
import { BUCKET_COUNT, type BucketMove, type PlacementTable } from "./types.ts";

/** The cell serving a tenant: its override if it has one, else its bucket's cell. */
export function cellFor(table: PlacementTable, tenantKey: string): string {
  const pinned = table.overrides.get(tenantKey);
  if (pinned !== undefined) return pinned;
  const cellId = table.buckets[bucketOf(tenantKey)];
  if (cellId === undefined) {
    throw new PlacementError("invalid_table", `table ${table.region} v${table.version} is missing buckets`);
  }
  return cellId;
}

/** The buckets whose cell differs between two tables of one region: the migrations a change needs. */
export function planChange(from: PlacementTable, to: PlacementTable): BucketMove[] {
  if (from.region !== to.region) {
    throw new PlacementError("region_mismatch", `cannot compare ${from.region} with ${to.region}`);
  }
  if (from.buckets.length !== BUCKET_COUNT || to.buckets.length !== BUCKET_COUNT) {
    throw new PlacementError("invalid_table", `both tables must have ${BUCKET_COUNT} buckets`);
  }
  const moves: BucketMove[] = [];
  to.buckets.forEach((target, bucket) => {
    const source = from.buckets[bucket];
    if (source !== undefined && source !== target) moves.push({ bucket, from: source, to: target });
  });
  return moves;
}

/** Buckets per cell id, for balance checks and the operator's `cells` view. */
export function bucketCounts(table: PlacementTable): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cellId of table.buckets) counts.set(cellId, (counts.get(cellId) ?? 0) + 1);
  return counts;
}
