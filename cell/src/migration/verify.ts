import type { Sql } from "postgres";
import { checksumRows, TENANT_TABLES } from "./tables.ts";

export interface TableChecksum {
  table: string;
  rows: number;
  checksum: string;
}

/** Per table: the tenant's row count and checksum, all read in one snapshot. */
export async function tenantChecksums(database: Sql, tenantId: string): Promise<TableChecksum[]> {
  return database.begin("isolation level repeatable read read only", async (tx) => {
    // Timestamps print in the session's zone; both sides must print them alike.
    await tx`set local timezone to 'UTC'`;
    const checksums: TableChecksum[] = [];
    for (const table of TENANT_TABLES) {
      const [result] = await tx.unsafe<{ rows: number; checksum: string }[]>(checksumRows(table), [tenantId]);
      checksums.push({ table: table.name, rows: result?.rows ?? 0, checksum: result?.checksum ?? "" });
    }
    return checksums;
  });
}

/** The tables whose count or checksum differs; empty when the copy is exact. */
export function checksumMismatches(
  source: readonly TableChecksum[],
  target: readonly TableChecksum[],
): { table: string; source: TableChecksum | null; target: TableChecksum | null }[] {
  return TENANT_TABLES.map(({ name }) => ({
    table: name,
    source: source.find((c) => c.table === name) ?? null,
    target: target.find((c) => c.table === name) ?? null,
  })).filter(({ source: s, target: t }) => !s || !t || s.rows !== t.rows || s.checksum !== t.checksum);
}
