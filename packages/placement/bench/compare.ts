/**
 * How the ADR's numbers were measured: our balanced table vs the npm package `consistent-hash`.
 * Run: npx tsx packages/placement/bench/compare.ts   (about 20 s on a 2-core machine)
 *
 * For each strategy: cross-process agreement (a child process builds the same placement and looks up
 * the same keys), balance (max/mean tenants per cell, 1,000,000 synthetic tenants, 3/8/32 equal
 * cells), movement when a cell joins (share of tenants moved, ideal 1/(N+1), and how many moved
 * between old cells), and the cost of one lookup.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { xxh32 } from "@node-rs/xxhash";
import ConsistentHash, { type ConsistentHashOptions } from "consistent-hash";
import {
  BUCKET_COUNT,
  bucketOf,
  buildTable,
  type CellRecord,
  cellFor,
  type PlacementTable,
  planChange,
} from "../src/index.ts";

const TENANTS = 1_000_000;
const AGREEMENT_KEYS = 200_000;
const AGREEMENT_CELLS = 8;
const CELL_COUNTS = [3, 8, 32];
const REGION = "us-east";

type Lookup = (tenantKey: string) => string;

interface Strategy {
  name: string;
  /** A placement built from nothing but the cell list, as a freshly started process would. */
  fresh(cellIds: readonly string[]): Lookup;
  /** The placement after one more cell joins, as the running system would change it. */
  grow(cellIds: readonly string[], newCellId: string): Lookup;
  /** For strategies that produce a bucket → cell table: the tables before and after a cell joins. */
  tables?(cellIds: readonly string[], newCellId: string): { before: PlacementTable; after: PlacementTable };
}

const tenantKeys = Array.from({ length: TENANTS }, (_, i) => `tenant-${i}`);
const cellIdsOf = (n: number) => Array.from({ length: n }, (_, i) => `${REGION}-${i + 1}`);

const cellRecords = (ids: readonly string[]): CellRecord[] =>
  ids.map((id) => ({ id, region: REGION, state: "active", apiUrl: `http://${id}.invalid`, weight: 1 }));

const lookupIn =
  (table: PlacementTable): Lookup =>
  (key) =>
    cellFor(table, key);

function tableStrategy(
  name: string,
  build: (ids: readonly string[], previous?: PlacementTable) => PlacementTable,
) {
  const tables = (ids: readonly string[], newId: string) => {
    const before = build(ids);
    return { before, after: build([...ids, newId], before) };
  };
  return {
    name,
    fresh: (ids) => lookupIn(build(ids)),
    grow: (ids, newId) => lookupIn(tables(ids, newId).after),
    tables,
  } satisfies Strategy;
}

const balancedTable = tableStrategy("ours: balanced table (buildTable with previous)", (ids, previous) =>
  buildTable({ region: REGION, cells: cellRecords(ids), previous }),
);

/** Fixed vnode points: a pure function of the cell id, so every process lays the same ring. */
const hashedPoints = (vnodes: number, range: number) => (cellId: string) =>
  Array.from({ length: vnodes }, (_, i) => xxh32(`${cellId}#${i}`, 0) % range);

function ringOf(ids: readonly string[], options: ConsistentHashOptions, points?: (id: string) => number[]) {
  const ring = new ConsistentHash(options);
  for (const id of ids) ring.add(id, undefined, points?.(id));
  return ring;
}

/** consistent-hash placing tenant keys directly, the way the design card used it. */
function ringStrategy(name: string, options: ConsistentHashOptions, points?: (id: string) => number[]) {
  const lookupInRing =
    (ring: ConsistentHash): Lookup =>
    (key) =>
      ring.get(key) ?? "none";
  return {
    name,
    fresh: (ids) => lookupInRing(ringOf(ids, options, points)),
    grow: (ids, newId) => lookupInRing(ringOf(ids, options, points).add(newId, undefined, points?.(newId))),
  } satisfies Strategy;
}

/**
 * consistent-hash in the role the architecture gives placement: it fills the bucket → cell table.
 * Bucket labels are pre-hashed so the package's PJW string hash gets well-spread input.
 */
function ringBuildsTable(options: ConsistentHashOptions, points: (id: string) => number[]) {
  return (ids: readonly string[], previous?: PlacementTable): PlacementTable => {
    const ring = ringOf(ids, options, points);
    const buckets = Array.from(
      { length: BUCKET_COUNT },
      (_, b) => ring.get(xxh32(String(b), 0).toString(36)) ?? "none",
    );
    return { region: REGION, version: (previous?.version ?? 0) + 1, buckets, overrides: new Map() };
  };
}

const BIG_RING = { range: 10_000_019 };
const strategies: Strategy[] = [
  balancedTable,
  ringStrategy("consistent-hash defaults (random points), tenant keys on the ring", {}),
  ringStrategy("consistent-hash uniform + sorted nodes, tenant keys on the ring", {
    distribution: "uniform",
    orderNodes: (nodes) => [...nodes].sort(),
  }),
  ringStrategy(
    "consistent-hash fixed points, 1000 vnodes, tenant keys on the ring",
    { range: 1_000_003 },
    hashedPoints(1000, 1_000_003),
  ),
  ringStrategy(
    "consistent-hash fixed points, 4000 vnodes, tenant keys on the ring",
    BIG_RING,
    hashedPoints(4000, BIG_RING.range),
  ),
  tableStrategy(
    "consistent-hash fixed points, 4000 vnodes, filling the bucket table",
    ringBuildsTable(BIG_RING, hashedPoints(4000, BIG_RING.range)),
  ),
];

/** What the child process computes; the parent compares it key by key with its own answers. */
function agreementSample(): Record<string, { fresh: string[]; grown: string[] }> {
  const ids = cellIdsOf(AGREEMENT_CELLS);
  const keys = tenantKeys.slice(0, AGREEMENT_KEYS);
  return Object.fromEntries(
    strategies.map((strategy) => {
      const fresh = strategy.fresh(ids);
      const grown = strategy.grow(ids, `${REGION}-${AGREEMENT_CELLS + 1}`);
      return [strategy.name, { fresh: keys.map(fresh), grown: keys.map(grown) }];
    }),
  );
}

function childSample(): ReturnType<typeof agreementSample> {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), "--child"],
    {
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      timeout: 120_000,
    },
  );
  if (child.status !== 0) throw new Error(`child process failed: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

function disagreement(a: readonly string[], b: readonly string[]): number {
  let differ = 0;
  a.forEach((cell, i) => {
    if (b[i] !== cell) differ++;
  });
  return differ / a.length;
}

function balance(lookup: Lookup, cellCount: number): number {
  const load = new Map<string, number>();
  for (const key of tenantKeys) {
    const cell = lookup(key);
    load.set(cell, (load.get(cell) ?? 0) + 1);
  }
  return Math.max(...load.values()) / (TENANTS / cellCount);
}

function movement(strategy: Strategy, n: number) {
  const ids = cellIdsOf(n);
  const newId = `${REGION}-${n + 1}`;
  const before = strategy.fresh(ids);
  const after = strategy.grow(ids, newId);
  const restarted = strategy.fresh([...ids, newId]);
  let moved = 0;
  let betweenOldCells = 0;
  let restartDisagrees = 0;
  for (const key of tenantKeys) {
    const target = after(key);
    if (target !== before(key)) {
      moved++;
      if (target !== newId) betweenOldCells++;
    }
    if (restarted(key) !== target) restartDisagrees++;
  }
  return { moved: moved / TENANTS, betweenOldCells, restartDisagrees: restartDisagrees / TENANTS };
}

function bucketMovement(tables: NonNullable<Strategy["tables"]>, n: number): string {
  const newId = `${REGION}-${n + 1}`;
  const { before, after } = tables(cellIdsOf(n), newId);
  const moves = planChange(before, after);
  const ontoNew = moves.filter((move) => move.to === newId).length;
  const bound = Math.floor((1.1 * BUCKET_COUNT) / (n + 1));
  return `\n         buckets moved ${moves.length} (bound ${bound}), ${moves.length - ontoNew} not onto the new cell`;
}

function nanosPerLookup(lookup: Lookup): number {
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let round = 0; round < 3; round++) {
    const start = process.hrtime.bigint();
    for (const key of tenantKeys) sink += lookup(key).length;
    best = Math.min(best, Number(process.hrtime.bigint() - start) / TENANTS);
  }
  if (sink === 0) throw new Error("lookups returned nothing");
  return best;
}

const percent = (share: number) => `${(share * 100).toFixed(2)}%`;

function report(): void {
  console.log(`${TENANTS.toLocaleString("en")} tenants "tenant-<i>", B = ${BUCKET_COUNT}\n`);
  const child = childSample();
  const ids = cellIdsOf(AGREEMENT_CELLS);
  const keys = tenantKeys.slice(0, AGREEMENT_KEYS);
  for (const strategy of strategies) {
    console.log(`== ${strategy.name}`);
    const other = child[strategy.name];
    if (!other) throw new Error(`child did not report ${strategy.name}`);
    const fresh = disagreement(keys.map(strategy.fresh(ids)), other.fresh);
    const grown = disagreement(keys.map(strategy.grow(ids, `${REGION}-${AGREEMENT_CELLS + 1}`)), other.grown);
    console.log(
      `  cross-process disagreement (${AGREEMENT_KEYS} keys, ${AGREEMENT_CELLS} cells / after +1): ${percent(fresh)} / ${percent(grown)}`,
    );
    for (const n of CELL_COUNTS) {
      const maxOverMean = balance(strategy.fresh(cellIdsOf(n)), n);
      const move = movement(strategy, n);
      const buckets = strategy.tables ? bucketMovement(strategy.tables, n) : "";
      console.log(
        `  N=${String(n).padStart(2)}: max/mean ${maxOverMean.toFixed(4)}${maxOverMean <= 1.05 ? "" : " (> 1.05)"}` +
          ` | add a cell: moved ${percent(move.moved)} (ideal ${percent(1 / (n + 1))}, bound ${percent(1.1 / (n + 1))}),` +
          ` ${move.betweenOldCells} tenants between old cells, rebuilt from the cell list alone: ${percent(move.restartDisagrees)} differ${buckets}`,
      );
    }
    console.log(`  lookup: ${nanosPerLookup(strategy.fresh(cellIdsOf(8))).toFixed(0)} ns\n`);
  }
  const table = buildTable({ region: REGION, cells: cellRecords(cellIdsOf(8)) });
  const overrides = new Map(tenantKeys.slice(0, 10_000).map((key) => [key, `${REGION}-1`]));
  console.log(`bucketOf alone: ${nanosPerLookup((key) => String(bucketOf(key))).toFixed(0)} ns`);
  console.log(
    `cellFor with 10,000 overrides: ${nanosPerLookup(lookupIn({ ...table, overrides })).toFixed(0)} ns`,
  );
}

if (process.argv.includes("--child")) process.stdout.write(JSON.stringify(agreementSample()));
else report();
