import { type CellRecord, cellForNewTenant } from "@hireloop/placement";
import type { Context } from "hono";
import { LRUCache } from "lru-cache";
import type { RouterEnv } from "./env.ts";
import { errorResponse } from "./errors.ts";
import { askCell } from "./proxy/ask-cell.ts";

/** A resident of a full cell stays one until moved (an override or a bucket move changes its cell). */
const RESIDENT_TTL_MS = 10 * 60_000;
/** Long enough for this replica's table to include the pin it just claimed (it converges in ~1 s). */
const CLAIM_TTL_MS = 30_000;
const MAX_REMEMBERED = 100_000;
/** Asking a cell who the caller is must not hold the request long; unsure means "send them there". */
const LOOKUP_TIMEOUT_MS = 2_000;

export type Placement = { cellId: string } | { refused: Response };

/**
 * New tenants never land on a full cell. A full cell keeps its buckets (its tenants live there), so
 * for a caller whose bucket names a full cell the router asks that cell whether it knows them
 * (`GET /v1/me`, as the caller). If not, they are new: the router pins them to a cell with room,
 * chosen by weighted rendezvous so every replica picks the same, and the first pin wins. When the
 * answer is unsure (the cell is down or slow), the caller goes to the full cell: capacity is a soft
 * limit, and separating an existing tenant from their data is not an option.
 */
export function createNewTenantPlacer() {
  const residents = new LRUCache<string, true>({ max: MAX_REMEMBERED, ttl: RESIDENT_TTL_MS });
  const claims = new LRUCache<string, string>({ max: MAX_REMEMBERED, ttl: CLAIM_TTL_MS });

  return async function place(
    c: Context<RouterEnv>,
    tenantKey: string,
    full: CellRecord,
  ): Promise<Placement> {
    const { placement, health, metrics, config } = c.get("deps");
    const refuse = (code: "no_capacity" | "placement_unavailable", message: string): Placement => ({
      refused: errorResponse(
        c,
        503,
        { code, message },
        { "Retry-After": String(config.proxy.retryAfterSeconds) },
      ),
    });
    const claimed = claims.get(tenantKey);
    if (claimed !== undefined) return { cellId: claimed };
    const residentKey = `${full.id}\u0000${tenantKey}`;
    if (residents.has(residentKey) || !health.isUp(full.id)) return { cellId: full.id };
    if ((await knownTo(c, full)) !== false) {
      residents.set(residentKey, true);
      return { cellId: full.id };
    }
    // The cell list may have been reloaded while the cell answered: if the bucket's cell has room
    // now, the newcomer belongs there, not pinned away for a limit that no longer holds.
    const bucketCell = placement.cell(full.id);
    if (bucketCell && !health.isFull(bucketCell)) return { cellId: full.id };

    const candidates = placement
      .cells()
      .filter((cell) => cell.state === "active" && health.isUp(cell.id) && !health.isFull(cell));
    const target = cellForNewTenant(tenantKey, candidates);
    if (!target) {
      c.get("logger").error({ full: full.id }, "no cell has room for a new tenant");
      return refuse("no_capacity", "no cell of this region can take new accounts right now; retry later");
    }
    let cellId: string;
    try {
      cellId = await placement.claimNewTenant(tenantKey, target.id, `new tenant: ${full.id} full`);
    } catch (error) {
      c.get("logger").warn({ err: error }, "could not record a new tenant's placement");
      return refuse("placement_unavailable", "your account cannot be placed right now; retry shortly");
    }
    claims.set(tenantKey, cellId);
    metrics.newTenantsRedirected.inc({ full: full.id, cell: cellId });
    c.get("logger").info({ full: full.id, cell: cellId }, "placed a new tenant away from a full cell");
    return { cellId };
  };
}

/** Whether the cell holds the caller's data; undefined when it could not say in time. */
async function knownTo(c: Context<RouterEnv>, cell: CellRecord): Promise<boolean | undefined> {
  try {
    const { status, body } = await askCell(c, cell, {
      method: "GET",
      path: "/v1/me",
      timeoutMs: LOOKUP_TIMEOUT_MS,
    });
    if (status !== 200) return undefined;
    return typeof (body as { registeredAt?: unknown } | undefined)?.registeredAt === "string";
  } catch (error) {
    c.get("logger").warn({ err: error, cell: cell.id }, "could not ask a full cell about a caller");
    return undefined;
  }
}
