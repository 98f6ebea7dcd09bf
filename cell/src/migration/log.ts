import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";

/** A migration's progress; each phase is recorded only after its work is done. */
export const MIGRATION_PHASES = ["started", "frozen", "copied", "verified", "flipped", "cleaned"] as const;
export type MigrationPhase = (typeof MIGRATION_PHASES)[number];

export interface MigrationRecord {
  id: string;
  region: string;
  tenantKey: string;
  sourceCell: string;
  targetCell: string;
  phase: MigrationPhase;
  error: string | null;
}

const phases = MIGRATION_PHASES.map((phase) => `'${phase}'`).join(", ");

/**
 * The migration log lives in the region's control-plane database, next to placement, so a
 * re-run CLI finds what a crashed one left. At most one unfinished migration per tenant.
 */
const STATEMENTS = [
  `create table if not exists tenant_migrations (
    id uuid primary key,
    region text not null,
    tenant_key text not null,
    source_cell text not null,
    target_cell text not null,
    phase text not null check (phase in (${phases})),
    error text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `create unique index if not exists tenant_migrations_one_unfinished
    on tenant_migrations (region, tenant_key) where phase <> 'cleaned'`,
];

export async function migrateMigrationLog(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext('hireloop_tenant_migrations_schema'))`;
    for (const statement of STATEMENTS) await tx.unsafe(statement);
  });
}

interface MigrationRow {
  id: string;
  region: string;
  tenant_key: string;
  source_cell: string;
  target_cell: string;
  phase: MigrationPhase;
  error: string | null;
}

const toRecord = (row: MigrationRow): MigrationRecord => ({
  id: row.id,
  region: row.region,
  tenantKey: row.tenant_key,
  sourceCell: row.source_cell,
  targetCell: row.target_cell,
  phase: row.phase,
  error: row.error,
});

export function createMigrationLog(sql: Sql) {
  return {
    async unfinished(region: string, tenantKey: string): Promise<MigrationRecord | null> {
      const [row] = await sql<MigrationRow[]>`
        select id, region, tenant_key, source_cell, target_cell, phase, error from tenant_migrations
        where region = ${region} and tenant_key = ${tenantKey} and phase <> 'cleaned'`;
      return row ? toRecord(row) : null;
    },

    async get(id: string): Promise<MigrationRecord | null> {
      const [row] = await sql<MigrationRow[]>`
        select id, region, tenant_key, source_cell, target_cell, phase, error from tenant_migrations
        where id = ${id}`;
      return row ? toRecord(row) : null;
    },

    async start(input: Omit<MigrationRecord, "id" | "phase" | "error">): Promise<MigrationRecord> {
      const [row] = await sql<MigrationRow[]>`
        insert into tenant_migrations (id, region, tenant_key, source_cell, target_cell, phase)
        values (${randomUUID()}, ${input.region}, ${input.tenantKey}, ${input.sourceCell}, ${input.targetCell}, 'started')
        returning id, region, tenant_key, source_cell, target_cell, phase, error`;
      if (!row) throw new Error("tenant_migrations insert returned no row");
      return toRecord(row);
    },

    async advance(id: string, phase: MigrationPhase): Promise<void> {
      await sql`update tenant_migrations set phase = ${phase}, error = null, updated_at = now() where id = ${id}`;
    },

    async fail(id: string, error: string): Promise<void> {
      await sql`update tenant_migrations set error = ${error}, updated_at = now() where id = ${id}`;
    },
  };
}

export type MigrationLog = ReturnType<typeof createMigrationLog>;
