import { xxh32 } from "@node-rs/xxhash";
import { bucketOf } from "./bucket.ts";
import { PlacementError } from "./errors.ts";
import { BUCKET_COUNT, type BucketMove, type CellRecord, type PlacementTable } from "./types.ts";

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

/**
 * Where a new tenant goes when its bucket's cell cannot take it: the highest rendezvous score of
 * tenant × cell among `candidates`, scaled by weight, so new tenants spread over the cells that have
 * room in proportion to their size, and every router picks the same cell. Undefined if none.
 */
export function cellForNewTenant(
  tenantKey: string,
  candidates: readonly CellRecord[],
): CellRecord | undefined {
  let best: { cell: CellRecord; score: number } | undefined;
  for (const cell of candidates) {
    // Weighted rendezvous (Schindelhauer & Schomaker): -w / ln(u) for u uniform in (0, 1).
    const uniform = (xxh32(tenantKey, xxh32(cell.id, 0)) + 1) / 4_294_967_297;
    const score = -cell.weight / Math.log(uniform);
    if (!best || score > best.score || (score === best.score && cell.id < best.cell.id))
      best = { cell, score };
  }
  return best?.cell;
}
