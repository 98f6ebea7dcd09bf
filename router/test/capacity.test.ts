import { randomBytes } from "node:crypto";
import {
  buildTable,
  type CellRecord,
  cellFor,
  cellForNewTenant,
  createPlacementStore,
  type PlacementStore,
} from "@hireloop/placement";
import { signedIn } from "@hireloop/testkit/client";
import { createControlPlaneDatabase } from "@hireloop/testkit/control-plane";
import { startRegion, type TestRegion } from "@hireloop/testkit/regions";
import { type RouterProcess, startRouterProcess } from "@hireloop/testkit/router-process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixedPlacement, startRouter } from "./support/router.ts";

const REGION = "us-east";
let region: TestRegion;
let controlPlane: Awaited<ReturnType<typeof createControlPlaneDatabase>>;
let store: PlacementStore;
let routers: RouterProcess[];
const run = randomBytes(4).toString("hex");

beforeAll(async () => {
  region = await startRegion(2);
  controlPlane = await createControlPlaneDatabase();
  store = createPlacementStore(controlPlane.sql);
  for (const cell of region.cells) await store.upsertCell(cell.record);
  await store.saveTable(buildTable({ region: REGION, cells: region.cells.map((cell) => cell.record) }));
  const env = (id: string) => ({
    HL_ROUTER_ID: id,
    HL_CONTROL_DATABASE_URL: controlPlane.url,
    HL_AUTH_JWKS_URL: region.jwksUrl,
    HL_PLACEMENT_REFRESH_MS: "500",
    HL_CELL_HEALTH_INTERVAL_MS: "200",
  });
  routers = await Promise.all([startRouterProcess(env("router-a")), startRouterProcess(env("router-b"))]);
}, 120_000);
afterAll(async () => {
  await Promise.all((routers ?? []).map((router) => router.stop("SIGKILL")));
  await region?.stop();
  await controlPlane?.drop();
});

/** Users whose bucket is on `cellId` in the current table, none of them seen before. */
async function usersOfBucketCell(cellId: string, count: number, label: string): Promise<string[]> {
  const table = await store.currentTable(REGION);
  if (!table) throw new Error("no table");
  const users: string[] = [];
  for (let i = 0; users.length < count; i++) {
    const uid = `${label}-${run}-${i}`;
    if (cellFor(table, uid) === cellId) users.push(uid);
  }
  return users;
}

const JOB = { text: "Backend engineer: TypeScript, PostgreSQL and Kafka; five years of experience." };

async function createJob(routerUrl: string, uid: string) {
  const res = await signedIn(
    routerUrl,
    region.token,
    uid,
  )("/v1/jobs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(JOB),
  });
  return { status: res.status, cell: res.headers.get("x-hl-cell"), body: await res.json() };
}

async function me(routerUrl: string, uid: string) {
  const res = await signedIn(routerUrl, region.token, uid)("/v1/me");
  return { status: res.status, cell: res.headers.get("x-hl-cell"), body: await res.json() };
}

describe("capacity: new tenants never land on a full cell", () => {
  it("places newcomers of a full cell's buckets elsewhere, while its residents stay and read their data", async () => {
    const [full, roomy] = ["us-east-1", "us-east-2"];
    const [resident] = await usersOfBucketCell(full, 1, "resident");
    if (!resident || !routers[0] || !routers[1]) throw new Error("setup");
    const residentJob = await createJob(routers[0].url, resident);
    expect(residentJob).toMatchObject({ status: 201, cell: full });

    // us-east-1 now holds as many tenants as it may. Each router notices through its own health
    // checks: probe each with users it has never seen until one of them lands elsewhere.
    await store.setCellCapacity(REGION, full, 1);
    const probes: string[] = [];
    for (const router of routers) {
      await expect
        .poll(
          async () => {
            const [probe] = await usersOfBucketCell(full, 1, `probe-${probes.length}`);
            if (!probe) throw new Error("setup");
            probes.push(probe);
            return (await me(router.url, probe)).cell;
          },
          { timeout: 10_000 },
        )
        .toBe(roomy);
    }

    const newcomers = await usersOfBucketCell(full, 8, "newcomer");
    for (const [i, uid] of newcomers.entries()) {
      const writer = routers[i % 2]?.url ?? "";
      const reader = routers[(i + 1) % 2]?.url ?? "";
      const created = await createJob(writer, uid);
      expect(created).toMatchObject({ status: 201, cell: roomy });
      const read = await signedIn(reader, region.token, uid)(`/v1/jobs/${created.body.id}`);
      expect([read.status, read.headers.get("x-hl-cell")]).toEqual([200, roomy]);
    }
    const pins = (await store.listOverrides(REGION)).filter((pin) => pin.tenantKey.includes(run));
    const pinned = pins.map((pin) => pin.tenantKey);
    expect(pinned).toEqual(expect.arrayContaining(newcomers));
    expect(pinned.every((key) => newcomers.includes(key) || probes.includes(key))).toBe(true);
    for (const pin of pins) expect(pin).toMatchObject({ cellId: roomy, reason: `new tenant: ${full} full` });

    // The resident is still served by the full cell, which holds their data, through either router.
    for (const router of routers) {
      const read = await signedIn(router.url, region.token, resident)(`/v1/jobs/${residentJob.body.id}`);
      expect([read.status, read.headers.get("x-hl-cell")]).toEqual([200, full]);
    }
    // Tenants of the other cell's buckets were never pinned.
    const [regular] = await usersOfBucketCell(roomy, 1, "regular");
    expect(await createJob(routers[0].url, regular ?? "")).toMatchObject({ status: 201, cell: roomy });
    expect((await store.listOverrides(REGION)).some((pin) => pin.tenantKey === regular)).toBe(false);
  });

  it("refuses new tenants with 503 no_capacity when every cell is full, and serves existing ones", async () => {
    for (const cell of region.cells) await store.setCellCapacity(REGION, cell.id, 0);
    const [stranger] = await usersOfBucketCell("us-east-2", 1, "stranger");
    const router = routers[0]?.url ?? "";
    await expect.poll(async () => (await me(router, stranger ?? "")).status, { timeout: 10_000 }).toBe(503);
    const refused = await signedIn(router, region.token, stranger ?? "")("/v1/me");
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await refused.json()).code).toBe("no_capacity");

    const [resident] = await usersOfBucketCell("us-east-1", 1, "resident");
    expect(await me(router, resident ?? "")).toMatchObject({ status: 200, cell: "us-east-1" });

    // Lifting the limit lets newcomers land on their bucket's cell again.
    for (const cell of region.cells) await store.setCellCapacity(REGION, cell.id, undefined);
    const [later] = await usersOfBucketCell("us-east-1", 1, "later");
    await expect
      .poll(async () => (await createJob(router, later ?? "")).cell, { timeout: 10_000 })
      .toBe("us-east-1");
  });
});

describe("capacity: a limit lifted while a newcomer is being placed", () => {
  it("sends the newcomer to their bucket's cell, not pinned away for a limit that no longer holds", async () => {
    const [full, roomy] = region.cells.map((cell) => cell.record);
    if (!full || !roomy) throw new Error("setup");
    // The router reads the bucket's cell as full, then its next refresh (landing while it asks
    // that cell whether it knows the caller) lifts the limit.
    const limited: CellRecord[] = [{ ...full, maxTenants: 0 }, roomy];
    const fixed = fixedPlacement(limited);
    let cells: readonly CellRecord[] = limited;
    const pins: string[] = [];
    const router = await startRouter(
      limited,
      region.jwksUrl,
      { HL_CELL_HEALTH_INTERVAL_MS: "200" },
      {
        ...fixed,
        cells: () => cells,
        cell(id) {
          const found = cells.find((cell) => cell.id === id);
          cells = [full, roomy];
          return found;
        },
        async claimNewTenant(tenantKey, cellId) {
          pins.push(tenantKey);
          return cellId;
        },
      },
    );
    try {
      await expect
        .poll(() => router.deps.health.isFull(limited[0] as CellRecord), { timeout: 10_000 })
        .toBe(true);
      const table = fixed.table();
      if (!table) throw new Error("setup");
      // A newcomer whom a fresh placement would put on the other cell.
      let uid = "";
      for (let i = 0; !uid; i++) {
        const candidate = `lifted-${run}-${i}`;
        if (
          cellFor(table, candidate) === full.id &&
          cellForNewTenant(candidate, [full, roomy])?.id === roomy.id
        )
          uid = candidate;
      }
      cells = limited;
      const res = await signedIn(router.url, region.token, uid)("/v1/me");
      expect([res.status, res.headers.get("x-hl-cell")]).toEqual([200, full.id]);
      expect(pins).toEqual([]);
    } finally {
      await router.close();
    }
  });
});
