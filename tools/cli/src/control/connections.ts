import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { createPlacementStore, type PlacementStore } from "@hireloop/placement";
import postgres, { type Sql } from "postgres";
import { repositoryRoot } from "../paths.ts";

/** Where the operator commands find a region's control plane and its cells' databases. */
export interface RegionAccess {
  region: string;
  controlDatabaseUrl: string;
  /** cell id → its database URL, where known (the local platform knows; production shells pass env). */
  cellDatabases: Map<string, string>;
}

interface DevPlatformFile {
  routers?: { region: string; controlDatabaseUrl: string }[];
  cells?: { id: string; databaseUrl: string }[];
}

/**
 * `HL_CONTROL_DATABASE_URL` (and `HL_CELL_DATABASES=id=url,…`) when set, as in an operator shell
 * inside the region; otherwise the local dev platform's state file.
 */
export async function regionAccess(region: string): Promise<RegionAccess> {
  if (process.env.HL_CONTROL_DATABASE_URL) {
    const cellDatabases = new Map(
      (process.env.HL_CELL_DATABASES ?? "")
        .split(",")
        .filter(Boolean)
        .map((pair) => pair.split("=", 2) as [string, string]),
    );
    return { region, controlDatabaseUrl: process.env.HL_CONTROL_DATABASE_URL, cellDatabases };
  }
  const file = join(repositoryRoot(), ".local", "dev", "platform.json");
  let state: DevPlatformFile;
  try {
    state = JSON.parse(await readFile(file, "utf8"));
  } catch {
    throw new Error(`no control plane: set HL_CONTROL_DATABASE_URL, or start the local platform (make up)`);
  }
  const router = state.routers?.find((r) => r.region === region);
  if (!router) throw new Error(`the local platform has no region ${region}`);
  return {
    region,
    controlDatabaseUrl: router.controlDatabaseUrl,
    cellDatabases: new Map((state.cells ?? []).map((cell) => [cell.id, cell.databaseUrl])),
  };
}

export async function withControlPlane<T>(
  access: RegionAccess,
  work: (store: PlacementStore, sql: Sql) => Promise<T>,
): Promise<T> {
  const sql = postgres(access.controlDatabaseUrl, { max: 2, connect_timeout: 5, onnotice: () => {} });
  try {
    return await work(createPlacementStore(sql), sql);
  } finally {
    await sql.end({ timeout: 2 });
  }
}

/** Distinct tenants of a cell with their row counts, read from the cell's own database. */
export async function cellTenants(databaseUrl: string): Promise<Map<string, number>> {
  const sql = postgres(databaseUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    const rows = await sql<{ tenant: string; rows: number }[]>`
      select tenant, sum(n)::int as rows from (
        select tenant_id as tenant, count(*) as n from resumes group by 1
        union all select tenant_id, count(*) from jobs group by 1
        union all select tenant_id, count(*) from workflows group by 1
        union all select tenant_id, count(*) from tailorings group by 1
      ) t group by tenant`;
    return new Map(rows.map((row) => [row.tenant, row.rows]));
  } finally {
    await sql.end({ timeout: 2 });
  }
}
