import { reportCells, whereIs } from "@hireloop/placement";
import type { Hono } from "hono";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";

/** A tenant key as the rest of the platform takes it: a Firebase uid or an organization id. */
const TENANT_KEY = /^[A-Za-z0-9._@:-]{1,128}$/;

/**
 * The operator API behind the console (`/ops`), answered from what this router already holds: its
 * cached placement, its cells' health checks and tenant counts, its peers' health and the newest
 * heartbeat mirrored from each. Signed-in operators only (see app.ts); the CLI reads the same
 * reports (`@hireloop/placement` report.ts) from the control plane.
 */
export function registerOperatorApi(app: Hono<RouterEnv>) {
  app.get("/ops/v1/cells", (c) => {
    const { placement, health, config } = c.get("services");
    const table = placement.table();
    const cells = reportCells(placement.cells(), table, (cell) => ({
      health: health.isUp(cell.id) ? "up" : "down",
      tenants: health.tenantsOf(cell.id) ?? null,
    }));
    return c.json({ region: config.region, version: table?.version ?? null, cells });
  });

  app.get("/ops/v1/tenants/:key", async (c) => {
    const { placement, regions, config } = c.get("services");
    const key = c.req.param("key");
    if (!TENANT_KEY.test(key)) {
      return errorResponse(c, 400, {
        code: "invalid_request",
        message: "a tenant key is 1 to 128 characters",
      });
    }
    const table = placement.table();
    if (!table) {
      return errorResponse(c, 503, {
        code: "placement_unavailable",
        message: "the placement is not loaded yet",
      });
    }
    const home = regions ? await regions.findHome(key) : undefined;
    return c.json(whereIs(config.region, table, key, home));
  });

  app.get("/ops/v1/regions", (c) => {
    const { placement, regions, config } = c.get("services");
    const now = Date.now();
    const peers = (regions?.peers.list() ?? []).map((peer) => {
      const replicatedAt = regions?.replicatedAt(peer.region);
      return {
        region: peer.region,
        url: peer.url,
        up: regions?.peers.isUp(peer.region) ?? false,
        replicatedAt: replicatedAt === undefined ? null : new Date(replicatedAt).toISOString(),
        replicationLagSeconds: replicatedAt === undefined ? null : Math.max(0, (now - replicatedAt) / 1000),
      };
    });
    return c.json({ region: config.region, ready: placement.table() !== undefined, peers });
  });
}
