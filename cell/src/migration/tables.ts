/**
 * The tenant's rows, per table, in insert order (parents first). `where` selects the tenant's
 * rows with the tenant id as $1; `orderBy` is the primary key, so checksums are deterministic.
 * Not listed: the outbox (the source's relay publishes its own events, then cleanup deletes them)
 * and usage_counters (the source's relay still counts the tenant's last events as it publishes them
 * after the freeze, so cleanup moves the counters once the outbox is drained; see the ADR).
 */
export interface TenantTable {
  name: string;
  where: string;
  orderBy: string;
}

const byTenant = (name: string, orderBy = "id"): TenantTable => ({
  name,
  where: "tenant_id = $1",
  orderBy,
});

export const TENANT_TABLES: readonly TenantTable[] = [
  byTenant("tenants", "tenant_id"),
  byTenant("resumes"),
  byTenant("jobs"),
  byTenant("workflows"),
  {
    name: "workflow_steps",
    where: "workflow_id in (select id from workflows where tenant_id = $1)",
    orderBy: "workflow_id, name",
  },
  byTenant("tailorings"),
  byTenant("discoveries"),
  byTenant("roasts"),
  byTenant("dead_letters"),
];

/** One row of JSON per table row; jsonb prints keys in a canonical order and bytea as hex. */
export function selectRowsAsJson(table: TenantTable): string {
  return `select count(*)::int as rows,
    coalesce(jsonb_agg(to_jsonb(t) order by ${table.orderBy}), '[]'::jsonb)::text as json
    from ${table.name} t where ${table.where}`;
}

/** Inserts rows read by selectRowsAsJson; rows already there are kept, so a re-run copy is a no-op. */
export function insertRowsFromJson(table: TenantTable): string {
  return `insert into ${table.name}
    select * from jsonb_populate_recordset(null::${table.name}, $1::jsonb) on conflict do nothing`;
}

/** Row count and md5 of the rows' canonical JSON in primary-key order; run with TimeZone UTC. */
export function checksumRows(table: TenantTable): string {
  return `select count(*)::int as rows,
    md5(coalesce(string_agg(to_jsonb(t)::text, E'\\n' order by ${table.orderBy}), '')) as checksum
    from ${table.name} t where ${table.where}`;
}
