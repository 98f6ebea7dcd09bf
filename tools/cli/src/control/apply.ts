import {
  buildTable,
  cellFor,
  type PlacementStore,
  type PlacementTable,
  planChange,
  waitForRouters,
} from "@hireloop/placement";
import type { Sql } from "postgres";
import { cellTenants, type RegionAccess } from "./connections.ts";
import { moveTenant } from "./move.ts";

export const AWAITING_MOVE = "rebalance: awaiting move";

/** The table's own answer for a tenant, ignoring overrides. */
function bucketCell(table: PlacementTable, tenantKey: string): string {
  return cellFor({ ...table, overrides: new Map() }, tenantKey);
}

/**
 * Applies the placement plan without stranding anyone:
 * 1. pin every existing tenant whose bucket changes cell to the cell that holds its data;
 * 2. save the new table, so new tenants of those buckets land on their new cells at once;
 * 3. once every live router serves the new table, pin tenants that arrived on the old cells meanwhile;
 * 4. move each pinned tenant live to its new cell (its pin then points there) and drop pins that
 *    the table now makes redundant.
 * Re-running after a crash continues with step 4 for the tenants still waiting.
 */
export async function applyPlacement(
  access: RegionAccess,
  store: PlacementStore,
  controlSql: Sql,
  report: (message: string) => void,
): Promise<{ moved: string[]; version: number }> {
  const { region } = access;
  const current = await store.currentTable(region);
  if (!current) throw new Error(`region ${region} has no placement table`);
  const next = buildTable({ region, cells: await store.listCells(region), previous: current });
  const moves = planChange(current, next);

  const pinLeavers = async (from: PlacementTable, to: PlacementTable) => {
    const pinned = new Set((await store.listOverrides(region)).map((o) => o.tenantKey));
    let count = 0;
    for (const [cellId, databaseUrl] of access.cellDatabases) {
      for (const tenant of (await cellTenants(databaseUrl)).keys()) {
        if (pinned.has(tenant) || bucketCell(from, tenant) !== cellId || bucketCell(to, tenant) === cellId)
          continue;
        await store.setOverride({ region, tenantKey: tenant, cellId, reason: AWAITING_MOVE });
        count++;
      }
    }
    return count;
  };

  let version = current.version;
  if (moves.length > 0) {
    report(`pinned ${await pinLeavers(current, next)} tenants to their cells until they are moved`);
    await store.saveTable(next);
    version = next.version;
    report(`placement version ${next.version}: ${moves.length} buckets changed cells`);
    report(routersServing(await waitForRouters(store, region), next.version));
    const late = await pinLeavers(current, next);
    if (late > 0) report(`pinned ${late} tenants that arrived while the routers converged`);
  }

  const { moved } = await moveWaitingTenants(access, store, controlSql, report);
  report(`placement ${region} applied: version ${version}, ${moved.length} tenants moved`);
  return { moved, version };
}

/** Moves every tenant pinned while it waits for a move to the cell the table names, then unpins it. */
export async function moveWaitingTenants(
  access: RegionAccess,
  store: PlacementStore,
  controlSql: Sql,
  report: (message: string) => void,
): Promise<{ moved: string[] }> {
  const table = await store.currentTable(access.region);
  if (!table) throw new Error(`region ${access.region} has no placement table`);
  const waiting = (await store.listOverrides(access.region)).filter((o) => o.reason === AWAITING_MOVE);
  const moved: string[] = [];
  for (const override of waiting) {
    const target = bucketCell(table, override.tenantKey);
    if (target !== override.cellId) {
      await moveTenant(access, store, controlSql, override.tenantKey, target, report);
      moved.push(override.tenantKey);
    }
    await store.removeOverride(access.region, override.tenantKey);
  }
  return { moved };
}

export function routersServing(
  { routers, waitedMs }: { routers: number; waitedMs: number },
  version: number,
) {
  return `${routers} live router${routers === 1 ? "" : "s"} serve version ${version} (waited ${waitedMs} ms)`;
}
