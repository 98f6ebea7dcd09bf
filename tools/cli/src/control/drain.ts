import { buildTable, type PlacementStore, planChange, waitForRouters } from "@hireloop/placement";
import { AWAITING_MOVE, routersServing } from "./apply.ts";
import { cellTenants, type RegionAccess } from "./connections.ts";

export interface DrainResult {
  pinned: number;
  lateArrivals: number;
  bucketsMoved: number;
  version: number;
}

/**
 * Drains a cell so no new tenant is ever placed on it, without stranding the ones it has:
 * 1. mark it draining; 2. pin each of its tenants to it (their data is there); 3. rebuild the
 * table without it, so every other tenant of its buckets — new ones included — goes elsewhere;
 * 4. once every live router serves that table, pin tenants that arrived on it in the meantime. Moving the
 * pinned tenants away is `tenant move` (or `cell drain --migrate`).
 */
export async function drainCell(
  access: RegionAccess,
  store: PlacementStore,
  cellId: string,
  report: (message: string) => void,
): Promise<DrainResult> {
  const { region } = access;
  const databaseUrl = access.cellDatabases.get(cellId);
  if (!databaseUrl) {
    throw new Error(
      `cannot see cell ${cellId}'s tenants: its database is unknown (set HL_CELL_DATABASES=${cellId}=postgres://…)`,
    );
  }
  await store.setCellState(region, cellId, "draining");
  report(`cell ${cellId} is draining: it gets no new tenants`);

  const pinTenants = async () => {
    const pinned = new Set((await store.listOverrides(region)).map((o) => o.tenantKey));
    let count = 0;
    for (const tenant of (await cellTenants(databaseUrl)).keys()) {
      if (pinned.has(tenant)) continue;
      await store.setOverride({
        region,
        tenantKey: tenant,
        cellId,
        reason: AWAITING_MOVE,
      });
      count++;
    }
    return count;
  };
  const pinned = await pinTenants();
  report(`pinned ${pinned} tenants to ${cellId} until they are moved`);

  const current = await store.currentTable(region);
  if (!current) throw new Error(`region ${region} has no placement table`);
  const next = buildTable({ region, cells: await store.listCells(region), previous: current });
  const moves = planChange(current, next);
  if (moves.length > 0) await store.saveTable(next);
  report(
    `placement version ${moves.length > 0 ? next.version : current.version}: ${moves.length} buckets left ${cellId}`,
  );

  const version = moves.length > 0 ? next.version : current.version;
  report(routersServing(await waitForRouters(store, region), version));
  const lateArrivals = await pinTenants();
  if (lateArrivals > 0) report(`pinned ${lateArrivals} tenants that arrived while the routers converged`);
  return {
    pinned,
    lateArrivals,
    bucketsMoved: moves.length,
    version,
  };
}

/** A drained cell can be retired once it serves nothing: no buckets, no pins, no tenant rows. */
export async function retireCell(access: RegionAccess, store: PlacementStore, cellId: string): Promise<void> {
  const table = await store.currentTable(access.region);
  const buckets = table ? table.buckets.filter((cell) => cell === cellId).length : 0;
  const pins = (await store.listOverrides(access.region)).filter((o) => o.cellId === cellId).length;
  const databaseUrl = access.cellDatabases.get(cellId);
  const tenants = databaseUrl ? (await cellTenants(databaseUrl)).size : null;
  if (buckets > 0 || pins > 0 || tenants !== 0) {
    const why =
      tenants === null
        ? "its database is unknown"
        : `${buckets} buckets, ${pins} pinned tenants, ${tenants} tenants with data`;
    throw new Error(`cell ${cellId} still serves tenants (${why}): drain it with --migrate first`);
  }
  await store.setCellState(access.region, cellId, "retired");
}
