import { cellFor } from "@hireloop/placement";
import type { Hono } from "hono";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { cellUnavailable, forwardToCell } from "../proxy/forward.ts";

/**
 * Every signed-in request goes to the one cell that holds the caller's data (tenant key = uid). When
 * that cell is down the caller waits: another cell would answer from a database without their data.
 */
export function registerTenantProxy(app: Hono<RouterEnv>) {
  app.all("/v1/*", async (c) => {
    const { placement, health, pools, metrics, config } = c.get("services");
    const table = placement.table();
    if (!table) {
      return errorResponse(
        c,
        503,
        { code: "placement_unavailable", message: "the router has not loaded the placement yet" },
        { "Retry-After": String(config.proxy.retryAfterSeconds) },
      );
    }
    const cellId = cellFor(table, c.get("identity").uid);
    const cell = placement.cell(cellId);
    if (!cell)
      c.get("logger").error({ cell: cellId, version: table.version }, "placement names an unknown cell");
    if (!cell || !health.isUp(cell.id)) {
      c.set("proxied", { cell: cellId, status: 503 });
      metrics.proxiedRequests.inc({ cell: cellId, status: "503" });
      return cellUnavailable(c, cellId, config.proxy.retryAfterSeconds);
    }
    return forwardToCell(c, pools.targetFor(cell));
  });
}
