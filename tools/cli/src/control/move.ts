import { abortMigration, migrateTenant } from "@hireloop/cell/migration";
import { cellFor, type PlacementStore } from "@hireloop/placement";
import type { Sql } from "postgres";
import type { RegionAccess } from "./connections.ts";

function databaseOf(access: RegionAccess, cellId: string): string {
  const url = access.cellDatabases.get(cellId);
  if (!url)
    throw new Error(`cell ${cellId}'s database is unknown (set HL_CELL_DATABASES=${cellId}=postgres://…)`);
  return url;
}

/**
 * Moves one tenant live to another cell (freeze writes, copy, verify, flip, clean up; resumable):
 * re-running the same command after a crash continues where it stopped.
 */
export async function moveTenant(
  access: RegionAccess,
  store: PlacementStore,
  controlSql: Sql,
  tenantKey: string,
  targetCell: string,
  report: (message: string) => void,
) {
  const table = await store.currentTable(access.region);
  if (!table) throw new Error(`region ${access.region} has no placement table`);
  const sourceCell = cellFor(table, tenantKey);
  if (sourceCell === targetCell) {
    report(`${tenantKey} already lives on ${targetCell}: nothing to move`);
    return null;
  }
  return migrateTenant({
    tenantKey,
    region: access.region,
    source: { cellId: sourceCell, databaseUrl: databaseOf(access, sourceCell) },
    target: { cellId: targetCell, databaseUrl: databaseOf(access, targetCell) },
    controlSql,
    report: (progress) =>
      report(`[${String(progress.percent).padStart(3)}%] ${progress.phase}: ${progress.message}`),
  });
}

/** Undoes a move that stopped before its flip (say, after `verification_failed`). */
export async function abortMove(access: RegionAccess, controlSql: Sql, tenantKey: string) {
  return abortMigration({
    tenantKey,
    region: access.region,
    controlSql,
    databaseOf: (cellId) => databaseOf(access, cellId),
  });
}
