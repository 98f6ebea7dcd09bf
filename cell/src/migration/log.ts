import { randomUUID } from "node:crypto";
import type { Sql } from "postgres";

/** A migration's progress; each phase is recorded only after its work is done. */
export const MIGRATION_PHASES = ["started", "frozen", "copied", "verified", "flipped", "cleaned"] as const;
export type MigrationPhase = (typeof MIGRATION_PHASES)[number];
/** A migration ends cleaned, or aborted before its flip. */
export type MigrationState = MigrationPhase | "aborted";

export interface MigrationRecord {
  id: string;
  region: string;
  tenantKey: string;
  sourceCell: string;
  targetCell: string;
  phase: MigrationState;
  error: string | null;
}

/** An unfinished migration: somewhere between started and cleaned. */
export type OpenMigration = MigrationRecord & { phase: MigrationPhase };

const states = [...MIGRATION_PHASES, "aborted"].map((state) => `'${state}'`).join(", ");

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
    phase text not null,
    error text,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
  )`,
  `alter table tenant_migrations drop constraint if exists tenant_migrations_phase_check`,
  `alter table tenant_migrations add constraint tenant_migrations_phase_check check (phase in (${states}))`,
  `drop index if exists tenant_migrations_one_unfinished`,
  `create unique index if not exists tenant_migrations_one_open
    on tenant_migrations (region, tenant_key) where phase not in ('cleaned', 'aborted')`,
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
  phase: MigrationState;
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
    async unfinished(region: string, tenantKey: string): Promise<OpenMigration | null> {
      const [row] = await sql<MigrationRow[]>`
        select id, region, tenant_key, source_cell, target_cell, phase, error from tenant_migrations
        where region = ${region} and tenant_key = ${tenantKey} and phase not in ('cleaned', 'aborted')`;
      return row ? (toRecord(row) as OpenMigration) : null;
    },

    async get(id: string): Promise<MigrationRecord | null> {
      const [row] = await sql<MigrationRow[]>`
        select id, region, tenant_key, source_cell, target_cell, phase, error from tenant_migrations
        where id = ${id}`;
      return row ? toRecord(row) : null;
    },

    async start(input: Omit<MigrationRecord, "id" | "phase" | "error">): Promise<OpenMigration> {
      const [row] = await sql<MigrationRow[]>`
        insert into tenant_migrations (id, region, tenant_key, source_cell, target_cell, phase)
        values (${randomUUID()}, ${input.region}, ${input.tenantKey}, ${input.sourceCell}, ${input.targetCell}, 'started')
        returning id, region, tenant_key, source_cell, target_cell, phase, error`;
      if (!row) throw new Error("tenant_migrations insert returned no row");
      return toRecord(row) as OpenMigration;
    },

    async advance(id: string, phase: MigrationPhase): Promise<void> {
      await sql`update tenant_migrations set phase = ${phase}, error = null, updated_at = now() where id = ${id}`;
    },

    async abort(id: string): Promise<void> {
      await sql`update tenant_migrations set phase = 'aborted', updated_at = now() where id = ${id}`;
    },

    async fail(id: string, error: string): Promise<void> {
      await sql`update tenant_migrations set error = ${error}, updated_at = now() where id = ${id}`;
    },
  };
}

export type MigrationLog = ReturnType<typeof createMigrationLog>;
