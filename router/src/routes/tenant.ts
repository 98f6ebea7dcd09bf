import { cellFor } from "@hireloop/placement";
import type { Hono } from "hono";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { createNewTenantPlacer } from "../new-tenants.ts";
import { cellUnavailable, forwardUpstream } from "../proxy/forward.ts";
import { hopToRegion } from "../regions/peer-hop.ts";
import { homeOrRefuse } from "./home.ts";

/**
 * Every signed-in request goes to the one cell that holds the caller's data (tenant key = uid); a
 * user homed in another region is sent on to that region's router (a proxy hop, ADR 0014). When
 * that cell is down the caller waits: another cell would answer from a database without their data.
 * A new caller whose bucket names a full cell is placed on another cell (see new-tenants.ts).
 */
export function registerTenantProxy(app: Hono<RouterEnv>) {
  const placeNewTenant = createNewTenantPlacer();
  app.all("/v1/*", async (c) => {
    const { placement, health, pools, metrics, config } = c.get("deps");
    const table = placement.table();
    if (!table) {
      return errorResponse(
        c,
        503,
        { code: "placement_unavailable", message: "the router has not loaded the placement yet" },
        { "Retry-After": String(config.proxy.retryAfterSeconds) },
      );
    }
    const uid = c.get("identity").uid;
    const { regions } = c.get("deps");
    // A hop was routed by its entry region with this region's own answer: it is served here.
    if (regions && c.get("peerHop") === undefined) {
      const home = await homeOrRefuse(c, () => regions.home.homeOf(uid));
      if (home instanceof Response) return home;
      if (home.homeRegion !== config.region) return hopToRegion(c, home.homeRegion);
    }
    let cellId = cellFor(table, uid);
    const bucketCell = placement.cell(cellId);
    if (bucketCell && !table.overrides.has(uid) && health.isFull(bucketCell)) {
      const placed = await placeNewTenant(c, uid, bucketCell);
      if ("refused" in placed) return placed.refused;
      cellId = placed.cellId;
    }
    const cell = placement.cell(cellId);
    if (!cell)
      c.get("logger").error({ cell: cellId, version: table.version }, "placement names an unknown cell");
    if (!cell || !health.isUp(cell.id)) {
      c.set("proxied", { cell: cellId, status: 503 });
      metrics.proxiedRequests.inc({ cell: cellId, status: "503" });
      return cellUnavailable(c, cellId, config.proxy.retryAfterSeconds);
    }
    return forwardUpstream(c, pools.targetFor(cell));
  });
}
