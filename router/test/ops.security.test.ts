import { join } from "node:path";
import { signDevToken } from "@hireloop/identity";
import { BUCKET_COUNT, cellFor } from "@hireloop/placement";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ID, startRegion, type TestRegion } from "./support/cells.ts";
import { startRouter, type TestRouter } from "./support/router.ts";

let region: TestRegion;
let router: TestRouter;
let operatorToken: string;

beforeAll(async () => {
  region = await startRegion(2);
  router = await startRouter(
    region.cells.map((cell) => cell.record),
    region.jwksUrl,
    { HL_CELL_HEALTH_INTERVAL_MS: "200" },
  );
  operatorToken = await signDevToken({
    uid: "ops-olga",
    projectId: PROJECT_ID,
    privateKeyPath: join(region.keysDir, "private.jwk.json"),
    role: "operator",
  });
}, 180_000);
afterAll(async () => {
  await router?.close();
  await region?.stop();
});

const get = (path: string, token?: string) =>
  fetch(`${router.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

const OPS_PATHS = ["/ops/v1/cells", "/ops/v1/regions", "/ops/v1/tenants/someone"];

describe("the operator API", () => {
  it("shows an operator every cell with its state, health, buckets and tenants", async () => {
    await expect
      .poll(async () =>
        (await (await get("/ops/v1/cells", operatorToken)).json()).cells.map(
          (c: { tenants: unknown }) => typeof c.tenants,
        ),
      )
      .toEqual(["number", "number"]);
    const body = await (await get("/ops/v1/cells", operatorToken)).json();
    expect(body).toMatchObject({ region: "us-east", version: expect.any(Number) });
    expect(
      body.cells.map((cell: { id: string; state: string; health: string }) => [
        cell.id,
        cell.state,
        cell.health,
      ]),
    ).toEqual([
      ["us-east-1", "active", "up"],
      ["us-east-2", "active", "up"],
    ]);
    const buckets = body.cells.reduce((sum: number, cell: { buckets: number }) => sum + cell.buckets, 0);
    expect(buckets).toBe(BUCKET_COUNT);
  });

  it("says where a tenant lives, and refuses a malformed key", async () => {
    const table = router.placement.table();
    if (!table) throw new Error("no placement");
    const where = await (await get("/ops/v1/tenants/alice-ops", operatorToken)).json();
    expect(where).toMatchObject({
      tenant: "alice-ops",
      region: "us-east",
      cell: cellFor(table, "alice-ops"),
      pinned: false,
      home: null,
    });
    const bad = await get(`/ops/v1/tenants/${"x".repeat(129)}`, operatorToken);
    expect([bad.status, (await bad.json()).code]).toEqual([400, "invalid_request"]);
  });

  it("answers the region's own readiness when it has no peers", async () => {
    expect(await (await get("/ops/v1/regions", operatorToken)).json()).toEqual({
      region: "us-east",
      ready: true,
      peers: [],
    });
  });

  it("refuses callers without a token (401) and signed-in users without the operator role (403)", async () => {
    const userToken = await region.token("plain-paul");
    for (const path of OPS_PATHS) {
      const anonymous = await get(path);
      expect([path, anonymous.status]).toEqual([path, 401]);
      const user = await get(path, userToken);
      expect([path, user.status, (await user.json()).code]).toEqual([path, 403, "forbidden_role"]);
    }
  });

  it("is not reachable from the side: a cell serves no operator API, whatever the token", async () => {
    for (const cell of region.cells) {
      const res = await fetch(`${cell.record.apiUrl}/ops/v1/cells`, {
        headers: { authorization: `Bearer ${operatorToken}` },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(JSON.stringify(await res.json())).not.toContain("us-east-2");
    }
  });
});
