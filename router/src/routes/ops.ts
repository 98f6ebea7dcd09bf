import { reportCells, whereIs } from "@hireloop/placement";
import type { Hono } from "hono";
import type { RouterEnv } from "../env.ts";
import { errorResponse } from "../errors.ts";
import { askCell } from "../proxy/ask-cell.ts";

/** A cell asked for its dead letters or a replay answers within this, or is reported unreachable. */
const CELL_TIMEOUT_MS = 5_000;

/** A tenant key as the rest of the platform takes it: a Firebase uid or an organization id. */
const TENANT_KEY = /^[A-Za-z0-9._@:-]{1,128}$/;

/**
 * The operator API behind the console (`/ops`), answered from what this router already holds (its
 * cached placement, its cells' health checks and tenant counts, its peers' health and the newest
 * heartbeat mirrored from each), and the dead letters each cell keeps. Signed-in operators only
 * (see app.ts; the cells check the role again); the CLI reads the same reports (`@hireloop/placement`
 * report.ts) from the control plane.
 */
export function registerOperatorApi(app: Hono<RouterEnv>) {
  app.get("/ops/v1/cells", (c) => {
    const { placement, health, config } = c.get("deps");
    const table = placement.table();
    const cells = reportCells(placement.cells(), table, (cell) => ({
      health: health.isUp(cell.id) ? "up" : "down",
      tenants: health.tenantsOf(cell.id) ?? null,
    }));
    return c.json({ region: config.region, version: table?.version ?? null, cells });
  });

  app.get("/ops/v1/tenants/:key", async (c) => {
    const { placement, regions, config } = c.get("deps");
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
    const { placement, regions, config } = c.get("deps");
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
  // Each cell keeps its own dead letters: ask every cell of the region at once; a cell that does not
  // answer is listed as such rather than hiding the others' letters.
  app.get("/ops/v1/dead-letters", async (c) => {
    const { placement, health, config } = c.get("deps");
    const cells = await Promise.all(
      placement.cells().map(async (cell) => {
        if (!health.isUp(cell.id)) return { cell: cell.id, error: "cell is down", deadLetters: [] };
        try {
          const { status, body } = await askCell(c, cell, {
            method: "GET",
            path: "/ops/v1/dead-letters",
            timeoutMs: CELL_TIMEOUT_MS,
          });
          if (status !== 200) return { cell: cell.id, error: `cell answered ${status}`, deadLetters: [] };
          return {
            cell: cell.id,
            error: null,
            deadLetters: (body as { deadLetters: unknown[] }).deadLetters,
          };
        } catch (error) {
          c.get("logger").warn({ err: error, cell: cell.id }, "could not read a cell's dead letters");
          return { cell: cell.id, error: "cell did not answer", deadLetters: [] };
        }
      }),
    );
    return c.json({ region: config.region, cells });
  });

  app.post("/ops/v1/dead-letters/:cell/:id/replay", async (c) => {
    const { placement } = c.get("deps");
    const cell = placement.cell(c.req.param("cell"));
    if (!cell) return errorResponse(c, 404, { code: "not_found", message: `no cell ${c.req.param("cell")}` });
    try {
      const { status, body } = await askCell(c, cell, {
        method: "POST",
        path: `/ops/v1/dead-letters/${encodeURIComponent(c.req.param("id"))}/replay`,
        timeoutMs: CELL_TIMEOUT_MS,
      });
      return c.json(body as object, status as 202);
    } catch (error) {
      c.get("logger").warn({ err: error, cell: cell.id }, "could not ask a cell to replay a dead letter");
      return errorResponse(c, 504, {
        code: "cell_timeout",
        message: `cell ${cell.id} did not answer in time`,
      });
    }
  });
}
