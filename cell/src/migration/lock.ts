import type { Sql } from "postgres";
import { MigrationError } from "./errors.ts";

/**
 * Runs `work` as the only migrator of the tenant: a session advisory lock on a reserved
 * control-plane connection, which dies with a crashed migrator's connection. Moving and aborting
 * take the same lock, so an abort never runs beside the move it undoes.
 */
export async function withTenantMigrationLock<T>(
  controlSql: Sql,
  region: string,
  tenantKey: string,
  work: () => Promise<T>,
): Promise<T> {
  const lockName = `hireloop-tenant-migration:${region}:${tenantKey}`;
  const connection = await controlSql.reserve();
  try {
    const [row] = await connection<{ locked: boolean }[]>`
      select pg_try_advisory_lock(hashtextextended(${lockName}, 0)) as locked`;
    if (!row?.locked) {
      throw new MigrationError("migration_conflict", `another process is migrating ${tenantKey} right now`);
    }
    try {
      return await work();
    } finally {
      await connection`select pg_advisory_unlock(hashtextextended(${lockName}, 0))`;
    }
  } finally {
    connection.release();
  }
}
