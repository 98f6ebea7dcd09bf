import { xxh32 } from "@node-rs/xxhash";
import { assertValidCell } from "./cell.ts";
import { PlacementError } from "./errors.ts";
import { BUCKET_COUNT, type CellRecord, type PlacementTable } from "./types.ts";

export interface BuildTableInput {
  region: string;
  /** Every known cell of the region; only the active ones get buckets. */
  cells: readonly CellRecord[];
  /** The table in force: the new one moves as few buckets away from it as the quotas allow. */
  previous?: PlacementTable;
}

/**
 * A bucket → cell table, balanced to the cells' weights and as close to `previous` as possible.
 *
 * Plain consistent hashing only balances on average (±10% per cell at these sizes) and, built from
 * scratch after every change, moves buckets between old cells too. So each active cell gets an exact
 * quota (largest remainder of B × weight / total weight), buckets stay where `previous` put them
 * unless their cell is gone or over quota, and only the surplus is re-homed. Which buckets leave an
 * over-quota cell and where free buckets go is decided by rendezvous hashing (highest affinity
 * first), so the table is a pure function of its input: no randomness, no input-order dependence.
 *
 * The moves are therefore exactly the buckets of removed/drained cells plus each cell's surplus:
 * adding a cell to N balanced equal cells moves at most ⌈B/(N+1)⌉ buckets, all onto the new cell
 * (while B/N − B/(N+1) ≥ 1, i.e. up to 63 cells for B = 4096: no old cell falls below its new quota).
 */
export function buildTable({ region, cells, previous }: BuildTableInput): PlacementTable {
  validateCells(region, cells);
  if (previous) validatePrevious(region, previous);
  const active = cells.filter((cell) => cell.state === "active").sort((a, b) => compareIds(a.id, b.id));
  if (active.length === 0) {
    throw new PlacementError("no_active_cells", `region ${region} has no active cell to own its buckets`);
  }

  const indexOfCell = new Map(active.map((cell, index) => [cell.id, index]));
  const owner = new Int32Array(BUCKET_COUNT).fill(-1);
  const held = new Int32Array(active.length);
  previous?.buckets.forEach((cellId, bucket) => {
    const index = indexOfCell.get(cellId);
    if (index === undefined) return;
    owner[bucket] = index;
    held[index] = (held[index] ?? 0) + 1;
  });

  const seeds = active.map((cell) => xxh32(cell.id, 0));
  const quota = quotasFor(active, held);
  shedSurplus(owner, held, quota, seeds);
  fillDeficits(owner, held, quota, seeds);

  return {
    region,
    version: (previous?.version ?? 0) + 1,
    buckets: Array.from(owner, (index) => cellIdAt(active, index)),
    overrides: new Map(previous?.overrides ?? []),
  };
}

/** How strongly a bucket belongs on a cell (rendezvous score): stable, uniform, independent per cell. */
function affinity(seed: number, bucket: number): number {
  return xxh32(String(bucket), seed);
}

/**
 * Exact bucket counts proportional to weight. The few leftover buckets go to the largest fractional
 * parts; among equals, to the cells already holding more, so rebuilding an unchanged region moves nothing.
 */
function quotasFor(active: readonly CellRecord[], held: Int32Array): Int32Array {
  const totalWeight = active.reduce((sum, cell) => sum + cell.weight, 0);
  const exact = active.map((cell) => (BUCKET_COUNT * cell.weight) / totalWeight);
  const quota = Int32Array.from(exact, Math.floor);
  const leftover = BUCKET_COUNT - quota.reduce((sum, count) => sum + count, 0);
  const fraction = (index: number) => (exact[index] ?? 0) - (quota[index] ?? 0);
  const order = active
    .map((_, index) => index)
    .sort((a, b) => fraction(b) - fraction(a) || (held[b] ?? 0) - (held[a] ?? 0) || a - b);
  for (const index of order.slice(0, leftover)) quota[index] = (quota[index] ?? 0) + 1;
  return quota;
}

/** Frees each over-quota cell's least-affine buckets until it is at quota. */
function shedSurplus(owner: Int32Array, held: Int32Array, quota: Int32Array, seeds: readonly number[]): void {
  seeds.forEach((seed, cell) => {
    const surplus = (held[cell] ?? 0) - (quota[cell] ?? 0);
    if (surplus <= 0) return;
    const mine: { bucket: number; score: number }[] = [];
    owner.forEach((index, bucket) => {
      if (index === cell) mine.push({ bucket, score: affinity(seed, bucket) });
    });
    mine.sort((a, b) => a.score - b.score || a.bucket - b.bucket);
    for (const { bucket } of mine.slice(0, surplus)) owner[bucket] = -1;
    held[cell] = quota[cell] ?? 0;
  });
}

/**
 * Gives every free bucket to a cell below quota, best (bucket, cell) affinity first. Deficits add up
 * to the free buckets, so every bucket is placed: a free bucket meets each short cell in some pair.
 */
function fillDeficits(
  owner: Int32Array,
  held: Int32Array,
  quota: Int32Array,
  seeds: readonly number[],
): void {
  const free: number[] = [];
  owner.forEach((index, bucket) => {
    if (index < 0) free.push(bucket);
  });
  if (free.length === 0) return;
  const short = seeds.map((_, cell) => cell).filter((cell) => (held[cell] ?? 0) < (quota[cell] ?? 0));
  const pairs = free.length * short.length;
  const scores = new Uint32Array(pairs);
  free.forEach((bucket, f) => {
    short.forEach((cell, s) => {
      scores[f * short.length + s] = affinity(seeds[cell] ?? 0, bucket);
    });
  });
  const order = new Uint32Array(pairs).map((_, pair) => pair);
  order.sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b);
  for (const pair of order) {
    const bucket = free[Math.floor(pair / short.length)] ?? -1;
    const cell = short[pair % short.length] ?? -1;
    if (owner[bucket] !== -1 || (held[cell] ?? 0) >= (quota[cell] ?? 0)) continue;
    owner[bucket] = cell;
    held[cell] = (held[cell] ?? 0) + 1;
  }
}

function cellIdAt(active: readonly CellRecord[], index: number): string {
  const cell = active[index];
  if (!cell) throw new PlacementError("invalid_table", `bucket left without a cell (index ${index})`);
  return cell.id;
}

function validateCells(region: string, cells: readonly CellRecord[]): void {
  const seen = new Set<string>();
  for (const cell of cells) {
    assertValidCell(cell);
    if (cell.region !== region) {
      throw new PlacementError("region_mismatch", `cell ${cell.id} is in ${cell.region}, not ${region}`);
    }
    if (seen.has(cell.id)) throw new PlacementError("invalid_cell", `cell ${cell.id} is listed twice`);
    seen.add(cell.id);
  }
}

function validatePrevious(region: string, previous: PlacementTable): void {
  if (previous.region !== region) {
    throw new PlacementError("region_mismatch", `previous table is for ${previous.region}, not ${region}`);
  }
  if (previous.buckets.length !== BUCKET_COUNT) {
    throw new PlacementError(
      "invalid_table",
      `previous table has ${previous.buckets.length} buckets, expected ${BUCKET_COUNT}`,
    );
  }
}

/** Code-unit order, the same in every locale (localeCompare is not). */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
