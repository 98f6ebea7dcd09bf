import type { Sql } from "postgres";
import { BUCKET_COUNT, CELL_STATES } from "../types.ts";

/** NOTIFY channel: the payload is the region whose placement (table or overrides) changed. */
export const PLACEMENT_CHANNEL = "hireloop_placement";

const states = CELL_STATES.map((state) => `'${state}'`).join(", ");

/**
 * The control plane's placement tables, idempotent. Table versions are append-only rows (current =
 * max version) so a router can always say which version it served, and an operator can diff or roll
 * back by saving an old table as a new version. Overrides change in place but bump a per-region
 * revision, so watchers notice them with the same cheap poll.
 */
const STATEMENTS = [
  `create table if not exists placement_cells (
    region text not null check (region <> ''),
    id text not null check (id <> ''),
    state text not null check (state in (${states})),
    api_url text not null,
    weight double precision not null check (weight > 0 and weight < 'Infinity'),
    updated_at timestamptz not null default now(),
    primary key (region, id)
  )`,
  `create table if not exists placement_versions (
    region text not null,
    version integer not null check (version > 0),
    buckets text[] not null check (cardinality(buckets) = ${BUCKET_COUNT}),
    created_at timestamptz not null default now(),
    primary key (region, version)
  )`,
  `create or replace function placement_versions_immutable() returns trigger language plpgsql as $$
    begin
      raise exception 'placement version % of % is immutable: save a new version', old.version, old.region
        using errcode = 'restrict_violation';
    end $$`,
  `create or replace trigger placement_versions_immutable before update on placement_versions
    for each row execute function placement_versions_immutable()`,
  `create table if not exists placement_overrides (
    region text not null,
    tenant_key text not null,
    cell_id text not null,
    reason text not null,
    created_at timestamptz not null default now(),
    primary key (region, tenant_key),
    foreign key (region, cell_id) references placement_cells (region, id)
  )`,
  `alter table placement_cells add column if not exists max_tenants integer check (max_tenants >= 0)`,
  `create table if not exists placement_routers (
    region text not null,
    router_id text not null,
    version integer not null,
    overrides_revision bigint not null,
    seen_at timestamptz not null default now(),
    primary key (region, router_id)
  )`,
  `create table if not exists placement_regions (
    region text primary key,
    overrides_revision bigint not null default 0
  )`,
  // The user directory: where each user lives (home region, and cell once they registered on one),
  // from this region's claims, peer regions' claims and the mirrored tenant.registered events.
  `create table if not exists user_directory (
    tenant_key text primary key,
    home_region text not null check (home_region <> ''),
    cell_id text,
    resident boolean not null default false,
    claimed_at timestamptz not null,
    source text not null check (source in ('claim', 'peer', 'event')),
    updated_at timestamptz not null default now()
  )`,
  // Events of every region applied to this region's global views, by id: a redelivery changes nothing.
  `create table if not exists region_applied_events (
    event_id uuid primary key,
    origin_region text not null,
    applied_at timestamptz not null default now()
  )`,
  `create table if not exists region_event_counts (
    origin_region text not null,
    event_type text not null,
    count bigint not null,
    primary key (origin_region, event_type)
  )`,
];

/** Creates or completes the placement schema in a region's control-plane database. */
export async function migrateControlPlane(sql: Sql): Promise<void> {
  await sql.begin(async (tx) => {
    // Two processes starting together must not race on CREATE … IF NOT EXISTS.
    await tx`select pg_advisory_xact_lock(hashtext('hireloop_placement_schema'))`;
    for (const statement of STATEMENTS) await tx.unsafe(statement);
  });
}
