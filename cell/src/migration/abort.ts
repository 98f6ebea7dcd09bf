import type { Sql } from "postgres";
import { connectDatabase } from "../db/client.ts";
import { MigrationError } from "./errors.ts";
import { withTenantMigrationLock } from "./lock.ts";
import { createMigrationLog, type MigrationRecord, migrateMigrationLog } from "./log.ts";
import { deleteTenantFromSource } from "./source.ts";

export interface AbortMigrationInput {
  tenantKey: string;
  region: string;
  controlSql: Sql;
  /** The database URL of a cell of the region. */
  databaseOf: (cellId: string) => string;
}

/**
 * Undoes an unfinished migration that has not flipped placement yet, e.g. after
 * `verification_failed`: deletes the partial copy from the target, then lifts the freeze on the
 * source, so the tenant writes again where its data always was. After the flip the target is the
 * tenant's home and the only way is forward (run the move again).
 */
export async function abortMigration(input: AbortMigrationInput): Promise<MigrationRecord> {
  const { controlSql, region, tenantKey } = input;
  await migrateMigrationLog(controlSql);
  return withTenantMigrationLock(controlSql, region, tenantKey, async () => {
    const log = createMigrationLog(controlSql);
    const record = await log.unfinished(region, tenantKey);
    if (!record) throw new MigrationError("no_migration", `${tenantKey} has no unfinished migration`);
    if (record.phase === "flipped") {
      throw new MigrationError(
        "already_flipped",
        `migration ${record.id} already sends ${tenantKey} to ${record.targetCell}; run the move again to finish it`,
      );
    }
    const target = connectDatabase(input.databaseOf(record.targetCell), {
      max: 1,
      applicationName: "hireloop-migrator",
    });
    const source = connectDatabase(input.databaseOf(record.sourceCell), {
      max: 1,
      applicationName: "hireloop-migrator",
    });
    try {
      // Placement never sent the tenant to the target, so every row of it there is the partial copy.
      await deleteTenantFromSource(target.sql, tenantKey);
      await source.sql`delete from tenant_freezes where tenant_id = ${tenantKey} and migration_id = ${record.id}`;
    } finally {
      await Promise.all([source.close(), target.close()]);
    }
    await log.abort(record.id);
    return { ...record, phase: "aborted" };
  });
}
