import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildTable,
  cellFor,
  createPlacementStore,
  type PlacementStore,
  type PlacementTable,
  type PlacementWatcher,
  watchPlacement,
} from "../src/index.ts";
import { cells } from "./support/cells.ts";
import { type ControlPlaneDatabase, createControlPlaneDatabase } from "./support/database.ts";

const CONVERGENCE_LIMIT_MS = 3_000;

let database: ControlPlaneDatabase;
let controlPlane: PlacementStore;
const watchers: PlacementWatcher[] = [];

beforeAll(async () => {
  database = await createControlPlaneDatabase();
  controlPlane = createPlacementStore(database.connect());
});
afterAll(async () => {
  await Promise.all(watchers.map((watcher) => watcher.stop()));
  await database?.drop();
});

let regions = 0;
async function regionWithTable(n: number) {
  const region = `region-${++regions}`;
  const records = cells(n).map((c) => ({ ...c, region, id: c.id.replace("us-east", region) }));
  for (const record of records) await controlPlane.upsertCell(record);
  const table = buildTable({ region, cells: records });
  await controlPlane.saveTable(table);
  return { region, records, table };
}

/** A watcher with its own database client, as a separate router process would have. */
function routerReplica(region: string, options: Parameters<typeof watchPlacement>[2] = {}): PlacementWatcher {
  const watcher = watchPlacement(createPlacementStore(database.connect()), region, options);
  watchers.push(watcher);
  return watcher;
}

/** Milliseconds until every watcher's table satisfies `converged`, or a failure past the limit. */
async function timeToConverge(
  replicas: PlacementWatcher[],
  converged: (table: PlacementTable) => boolean,
): Promise<number> {
  const started = Date.now();
  while (!replicas.every((replica) => converged(replica.current()))) {
    if (Date.now() - started > CONVERGENCE_LIMIT_MS) {
      throw new Error(`replicas still on versions ${replicas.map((r) => r.current().version).join(", ")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Date.now() - started;
}

describe("watchPlacement", () => {
  it("brings two router replicas to a new version within 3 s", async () => {
    const { region, records, table } = await regionWithTable(3);
    const replicas = [routerReplica(region), routerReplica(region)];
    await Promise.all(replicas.map((replica) => replica.ready));
    expect(replicas.map((replica) => replica.current().version)).toEqual([1, 1]);

    const grown = buildTable({ region, cells: records.slice(0, 2), previous: table });
    await controlPlane.saveTable(grown);

    expect(await timeToConverge(replicas, (t) => t.version === 2)).toBeLessThan(CONVERGENCE_LIMIT_MS);
    for (const replica of replicas) expect(replica.current().buckets).toEqual(grown.buckets);
  });

  it("brings both replicas to a new override within 3 s", async () => {
    const { region, records, table } = await regionWithTable(3);
    const replicas = [routerReplica(region), routerReplica(region)];
    await Promise.all(replicas.map((replica) => replica.ready));
    const pin = records.find((r) => r.id !== cellFor(table, "moving-tenant"))?.id ?? "";

    await controlPlane.setOverride({
      region,
      tenantKey: "moving-tenant",
      cellId: pin,
      reason: "tenant move",
    });

    await timeToConverge(replicas, (t) => cellFor(t, "moving-tenant") === pin);
    expect(replicas.map((replica) => replica.current().version)).toEqual([1, 1]);
  });

  it("converges by polling alone when notifications are off", async () => {
    const { region, records, table } = await regionWithTable(2);
    const replicas = [
      routerReplica(region, { wakeOnNotify: false, intervalMs: 250 }),
      routerReplica(region, { wakeOnNotify: false, intervalMs: 250 }),
    ];
    await Promise.all(replicas.map((replica) => replica.ready));

    await controlPlane.saveTable(buildTable({ region, cells: records.slice(1), previous: table }));

    await timeToConverge(replicas, (t) => t.version === 2);
  });

  it("waits for the region's first table before it is ready", async () => {
    const region = `region-${++regions}`;
    const records = cells(2).map((c) => ({ ...c, region, id: c.id.replace("us-east", region) }));
    for (const record of records) await controlPlane.upsertCell(record);
    const replica = routerReplica(region, { intervalMs: 100 });

    expect(() => replica.current()).toThrowError(expect.objectContaining({ code: "placement_not_ready" }));
    await controlPlane.saveTable(buildTable({ region, cells: records }));
    await replica.ready;
    expect(replica.current().version).toBe(1);
  });

  it("rejects ready when stopped before the first table", async () => {
    const replica = watchPlacement(controlPlane, "empty-region", { intervalMs: 100 });
    await replica.stop();
    await expect(replica.ready).rejects.toMatchObject({ code: "placement_not_ready" });
  });

  it("keeps serving its last table while the store fails, and catches up afterwards", async () => {
    const { region, records, table } = await regionWithTable(3);
    const errors: unknown[] = [];
    const replica = watchPlacement(
      createPlacementStore(database.connect(), { queryTimeoutMs: 150 }),
      region,
      { intervalMs: 100, onError: (error) => errors.push(error) },
    );
    watchers.push(replica);
    await replica.ready;

    const next = buildTable({ region, cells: records.slice(1), previous: table });
    // The replica's polls time out behind this lock; version 2 lands while they are failing.
    await database.connect().begin(async (tx) => {
      await tx`lock table placement_versions in access exclusive mode`;
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(replica.current().version).toBe(1);
      await tx`insert into placement_versions (region, version, buckets) values (${region}, 2, ${next.buckets as string[]})`;
    });

    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ code: "store_timeout" });
    await timeToConverge([replica], (t) => t.version === 2);
  });
});
