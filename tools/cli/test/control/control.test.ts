import { execFile } from "node:child_process";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { migrateTenant } from "@hireloop/cell/migration";
import { readKeyFile } from "@hireloop/identity";
import {
  bucketOf,
  buildTable,
  type CellRecord,
  cellFor,
  createDirectoryStore,
  createPlacementStore,
  migrateControlPlane,
  type PlacementTable,
} from "@hireloop/placement";
import { type CellProcesses, client, startCellProcesses } from "@hireloop/testkit/cell-processes";
import { createTestDatabase } from "@hireloop/testkit/database";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const exec = promisify(execFile);
const REGION = "us-east";

let control: Awaited<ReturnType<typeof createTestDatabase>>;
let cellDb: Awaited<ReturnType<typeof createTestDatabase>>;
/** us-east-2's and us-east-4's databases: their processes are not running, which moves do not need. */
let secondCellDb: Awaited<ReturnType<typeof createTestDatabase>>;
let fourthCellDb: Awaited<ReturnType<typeof createTestDatabase>>;
let thirdCellDb: Awaited<ReturnType<typeof createTestDatabase>>;
let cell: CellProcesses;
/** us-east-4 runs too, from when it is added: moved tenants must read their data through it. */
let fourthCell: CellProcesses | undefined;
/** Tenants the first placement puts on us-east-1, the first cell running in this test. */
let tenants: string[] = [];
/** Each tenant's job, created on us-east-1 before any move. */
const jobOf = new Map<string, string>();
let firstCells: CellRecord[] = [];
let firstTable: PlacementTable;

/** The operator CLI as an operator shell inside the region runs it. */
async function hireloop(...args: string[]): Promise<string> {
  const { stdout } = await exec("npx", ["hireloop", ...args], {
    env: {
      ...process.env,
      HL_CONTROL_DATABASE_URL: control.url,
      HL_CELL_DATABASES: [cellDb, secondCellDb, thirdCellDb, fourthCellDb]
        .map((database, i) => `us-east-${i + 1}=${database.url}`)
        .join(","),
    },
    timeout: 60_000,
  });
  return stdout;
}

beforeAll(async () => {
  control = await createTestDatabase();
  cellDb = await createTestDatabase();
  secondCellDb = await createTestDatabase();
  thirdCellDb = await createTestDatabase();
  fourthCellDb = await createTestDatabase();
  cell = await startCellProcesses(cellDb.url);
  const sql = postgres(control.url, { max: 1, onnotice: () => {} });
  await migrateControlPlane(sql);
  const store = createPlacementStore(sql);
  const cells = [cell.apiUrl, "http://127.0.0.1:9", "http://127.0.0.1:9"].map((apiUrl, i) => ({
    id: `us-east-${i + 1}`,
    region: REGION,
    state: "active" as const,
    apiUrl,
    weight: 1,
  }));
  for (const record of cells) await store.upsertCell(record);
  const table = buildTable({ region: REGION, cells });
  firstCells = cells;
  firstTable = table;
  await store.saveTable(table);
  await sql.end();
  tenants = Array.from({ length: 60 }, (_, i) => `tenant-${i}`)
    .filter((key) => cellFor(table, key) === "us-east-1")
    .slice(0, 12);
  for (const tenant of tenants) {
    const res = await client(cell, tenant)("/v1/jobs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Registered nurse for the night shift in a busy emergency department." }),
    });
    expect(res.status).toBe(201);
    jobOf.set(tenant, (await res.json()).id);
  }
}, 120_000);

afterAll(async () => {
  await cell?.stopAll();
  await fourthCell?.stopAll();
  await control?.drop();
  await cellDb?.drop();
  await secondCellDb?.drop();
  await thirdCellDb?.drop();
  await fourthCellDb?.drop();
});

describe("hireloop cells, tenant where, cell add/drain and placement plan", { timeout: 90_000 }, () => {
  it("lists every cell with its health, buckets and tenants", async () => {
    const report = JSON.parse(await hireloop("cells", "--json"));
    expect(report.version).toBe(1);
    expect(report.cells.map((c: { id: string }) => c.id)).toEqual(["us-east-1", "us-east-2", "us-east-3"]);
    expect(report.cells.reduce((sum: number, c: { buckets: number }) => sum + c.buckets, 0)).toBe(4096);
    const [first, second, third] = report.cells;
    expect(first).toMatchObject({ health: "healthy", tenants: tenants.length, rows: tenants.length });
    expect(second.health).toMatch(/^down/);
    expect(second.tenants).toBe(0);
    expect(third.tenants).toBe(0);
  });

  it("says where a tenant lives", async () => {
    const sql = postgres(control.url, { max: 1, onnotice: () => {} });
    const table = await createPlacementStore(sql).currentTable(REGION);
    await sql.end();
    if (!table) throw new Error("no table");
    const answer = JSON.parse(await hireloop("tenant", "where", "ana", "--json"));
    expect(answer).toEqual({
      home: null,
      tenant: "ana",
      region: REGION,
      bucket: bucketOf("ana"),
      cell: cellFor(table, "ana"),
      pinned: false,
      version: 1,
    });
  });

  it("says when a tenant's home is another region, as the user directory knows it", async () => {
    const sql = postgres(control.url, { max: 1, onnotice: () => {} });
    await createDirectoryStore(sql).offer({
      tenantKey: "ilse",
      homeRegion: "eu-central",
      resident: true,
      claimedAt: new Date(),
      source: "peer",
    });
    await sql.end();
    const answer = JSON.parse(await hireloop("tenant", "where", "ilse", "--json"));
    expect(answer.home).toEqual({ region: "eu-central", cell: null, resident: true, source: "peer" });
    expect(await hireloop("tenant", "where", "ilse")).toContain(
      `ilse: home region eu-central (resident): ${REGION} sends their requests there`,
    );
  });

  it("plans adding a cell: only onto the new cell, about B/(N+1) buckets, naming the tenants that would move", async () => {
    fourthCell = await startCellProcesses(fourthCellDb.url, { HL_CELL_ID: "us-east-4" });
    // The new cell's request key, as an operator writes it for the cell's HL_CELL_KEY_FILE.
    const keyFile = join(await mkdtemp(join(tmpdir(), "hl-cell-key-")), "us-east-4.key");
    const wrote = await hireloop(
      "cell",
      "key",
      "us-east-4",
      "--signing-key-file",
      fourthCell.signingKeyFile,
      "--out",
      keyFile,
    );
    expect(wrote).toContain(`wrote the request key of cell us-east-4 in ${keyFile}`);
    expect(readKeyFile(keyFile)).toEqual(fourthCell.cellKey);
    await hireloop("cell", "add", "us-east-4", "--api-url", fourthCell.apiUrl);
    const plan = JSON.parse(await hireloop("placement", "plan", "--json"));
    expect(plan.fromVersion).toBe(1);
    expect(plan.toVersion).toBe(2);
    expect(plan.buckets.every((b: { to: string }) => b.to === "us-east-4")).toBe(true);
    const moved = plan.buckets.reduce((sum: number, b: { count: number }) => sum + b.count, 0);
    expect(moved).toBeLessThanOrEqual(Math.ceil(1.1 * (4096 / 4)));
    for (const t of plan.tenants) expect(t).toMatchObject({ from: "us-east-1", to: "us-east-4", rows: 1 });
    const next = buildTable({
      region: REGION,
      cells: [
        ...firstCells,
        { id: "us-east-4", region: REGION, state: "active", apiUrl: fourthCell.apiUrl, weight: 1 },
      ],
      previous: firstTable,
    });
    const expected = tenants.filter((key) => cellFor(next, key) === "us-east-4");
    expect(plan.tenants.map((t: { tenant: string }) => t.tenant).sort()).toEqual(expected.sort());
    const text = await hireloop("placement", "plan");
    expect(text).toContain(`version 1 → 2 moves ${moved} buckets`);
  });

  it("applies the plan: moves exactly the planned tenants, each still reads all its data", async () => {
    const plan = JSON.parse(await hireloop("placement", "plan", "--json"));
    const planned = plan.tenants.map((t: { tenant: string }) => t.tenant).sort();
    expect(planned.length).toBeGreaterThan(0);
    const output = await hireloop("placement", "apply");
    expect(output).toContain(`${planned.length} tenants moved`);
    const fourth = postgres(fourthCellDb.url, { max: 1, onnotice: () => {} });
    const first = postgres(cellDb.url, { max: 1, onnotice: () => {} });
    const onFourth = (await fourth`select distinct tenant_id from jobs`)
      .map((r) => r.tenant_id as string)
      .sort();
    const onFirst = (await first`select distinct tenant_id from jobs`)
      .map((r) => r.tenant_id as string)
      .sort();
    await fourth.end();
    await first.end();
    expect(onFourth).toEqual(planned);
    expect(onFirst).toEqual(tenants.filter((t) => !planned.includes(t)).sort());
    for (const tenant of planned.slice(0, 2)) {
      expect(JSON.parse(await hireloop("tenant", "where", tenant, "--json"))).toMatchObject({
        cell: "us-east-4",
        pinned: false,
        version: 2,
      });
    }
    expect(JSON.parse(await hireloop("placement", "plan", "--json")).buckets).toEqual([]);
    for (const tenant of planned) {
      const onFourthCell = await client(fourthCell as CellProcesses, tenant)(`/v1/jobs/${jobOf.get(tenant)}`);
      expect([onFourthCell.status, onFourthCell.headers.get("x-hl-cell")]).toEqual([200, "us-east-4"]);
      expect((await client(cell, tenant)(`/v1/jobs/${jobOf.get(tenant)}`)).status).toBe(404);
    }
    for (const tenant of tenants.filter((t) => !planned.includes(t))) {
      expect((await client(cell, tenant)(`/v1/jobs/${jobOf.get(tenant)}`)).status).toBe(200);
    }
    tenants = tenants.filter((t) => !planned.includes(t));
  });

  it("moves a tenant live to another cell with all its data, and says so", async () => {
    const [moving] = tenants;
    if (!moving) throw new Error("no tenant");
    const output = await hireloop("tenant", "move", moving, "us-east-2");
    expect(output).toContain(`${moving} now lives on us-east-2`);
    expect(output).toMatch(/100%\] cleaned/);
    expect(JSON.parse(await hireloop("tenant", "where", moving, "--json"))).toMatchObject({
      cell: "us-east-2",
      pinned: true,
    });
    const source = postgres(cellDb.url, { max: 1, onnotice: () => {} });
    const target = postgres(secondCellDb.url, { max: 1, onnotice: () => {} });
    const [left] = await source`select count(*)::int as n from jobs where tenant_id = ${moving}`;
    const [arrived] = await target`select count(*)::int as n from jobs where tenant_id = ${moving}`;
    await source.end();
    await target.end();
    expect(left?.n).toBe(0);
    expect(arrived?.n).toBe(1);
    tenants = tenants.slice(1);
  });

  it("aborts a move that stopped before its flip: the tenant stays and writes again", async () => {
    const [staying] = tenants;
    if (!staying) throw new Error("no tenant");
    const sql = postgres(control.url, { max: 2, onnotice: () => {} });
    try {
      await migrateTenant({
        tenantKey: staying,
        region: REGION,
        source: { cellId: "us-east-1", databaseUrl: cellDb.url },
        target: { cellId: "us-east-3", databaseUrl: thirdCellDb.url },
        controlSql: sql,
        stopAfter: "verified",
      });
    } finally {
      await sql.end();
    }
    const frozen = await client(cell, staying)("/v1/jobs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Night shift charge nurse, emergency department, five years." }),
    });
    expect(frozen.status).toBe(503);

    const output = await hireloop("tenant", "abort-move", staying);
    expect(output).toContain(`${staying} stays on us-east-1 and writes again`);
    const third = postgres(thirdCellDb.url, { max: 1, onnotice: () => {} });
    const [copied] = await third`select count(*)::int as n from jobs where tenant_id = ${staying}`;
    await third.end();
    expect(copied?.n).toBe(0);
    expect(JSON.parse(await hireloop("tenant", "where", staying, "--json")).cell).toBe("us-east-1");
    const written = await client(cell, staying)("/v1/jobs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Night shift charge nurse, emergency department, five years." }),
    });
    expect(written.status).toBe(201);
    await expect(hireloop("tenant", "abort-move", staying)).rejects.toThrow(/no unfinished migration/);
  });

  it("drains a cell: new tenants go elsewhere at once, its own tenants stay pinned to their data", async () => {
    const before = JSON.parse(await hireloop("cells", "--json"));
    const newcomer = Array.from({ length: 500 }, (_, i) => `newcomer-${i}`).find(
      (key) => cellFor(firstTable, key) === "us-east-1",
    ) as string;

    const output = await hireloop("cell", "drain", "us-east-1");
    expect(output).toContain(`pinned ${tenants.length} tenants to us-east-1`);

    const after = JSON.parse(await hireloop("cells", "--json"));
    const drained = after.cells.find((c: { id: string }) => c.id === "us-east-1");
    expect(drained).toMatchObject({ state: "draining", buckets: 0, tenants: tenants.length });
    expect(after.version).toBe(before.version + 1);
    expect(JSON.parse(await hireloop("tenant", "where", tenants[0] ?? "", "--json"))).toMatchObject({
      cell: "us-east-1",
      pinned: true,
    });
    const sql = postgres(control.url, { max: 1, onnotice: () => {} });
    const overrides = await createPlacementStore(sql).listOverrides(REGION);
    await sql.end();
    expect(
      overrides
        .filter((o) => o.cellId === "us-east-1")
        .map((o) => o.tenantKey)
        .sort(),
    ).toEqual([...tenants].sort());
    const placed = JSON.parse(await hireloop("tenant", "where", newcomer, "--json"));
    expect(placed.cell).not.toBe("us-east-1");
    expect(placed.pinned).toBe(false);
  });

  it("refuses to retire a cell that still has tenants, then migrates them away and retires it", async () => {
    await expect(hireloop("cell", "retire", "us-east-1")).rejects.toThrow(/still serves tenants/);
    const output = await hireloop("cell", "drain", "us-east-1", "--migrate");
    expect(output).toContain(`moved ${tenants.length} tenants off us-east-1`);
    await hireloop("cell", "retire", "us-east-1");
    const report = JSON.parse(await hireloop("cells", "--json"));
    expect(report.cells.find((c: { id: string }) => c.id === "us-east-1")).toMatchObject({
      state: "retired",
      buckets: 0,
      tenants: 0,
    });
    for (const tenant of tenants.slice(0, 1)) {
      const where = JSON.parse(await hireloop("tenant", "where", tenant, "--json"));
      expect(where.cell).not.toBe("us-east-1");
      expect(where.pinned).toBe(false);
    }
  });

  it("sets a cell's capacity and shows when it is full", async () => {
    const report = JSON.parse(await hireloop("cells", "--json"));
    const fourth = report.cells.find((c: { id: string }) => c.id === "us-east-4");
    expect(fourth.maxTenants).toBeNull();
    expect(fourth.tenants).toBeGreaterThan(0);

    expect(await hireloop("cell", "capacity", "us-east-4", String(fourth.tenants))).toContain(
      `may hold ${fourth.tenants} tenants`,
    );
    const full = JSON.parse(await hireloop("cells", "--json")).cells.find(
      (c: { id: string }) => c.id === "us-east-4",
    );
    expect(full).toMatchObject({ maxTenants: fourth.tenants, full: true });
    expect(await hireloop("cells")).toMatch(new RegExp(`us-east-4 .* ${fourth.tenants} \\(full\\)`));

    await hireloop("cell", "capacity", "us-east-4", "unlimited");
    const lifted = JSON.parse(await hireloop("cells", "--json")).cells.find(
      (c: { id: string }) => c.id === "us-east-4",
    );
    expect(lifted).toMatchObject({ maxTenants: null, full: false });
    await expect(hireloop("cell", "capacity", "us-east-4", "-3")).rejects.toThrow(/whole number/);
  });

  it("refuses to drain a cell whose tenants it cannot see", async () => {
    await hireloop("cell", "add", "us-east-5", "--api-url", "http://127.0.0.1:9");
    await expect(hireloop("cell", "drain", "us-east-5")).rejects.toThrow(
      /cannot see cell us-east-5's tenants/,
    );
  });
});
