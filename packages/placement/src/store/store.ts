import type { Sql, TransactionSql } from "postgres";
import { assertValidCell } from "../cell.ts";
import { PlacementError } from "../errors.ts";
import {
  BUCKET_COUNT,
  CELL_STATES,
  type CellRecord,
  type CellState,
  type PlacementOverride,
  type PlacementTable,
} from "../types.ts";
import { isPostgresError, withDeadline } from "./deadline.ts";
import { PLACEMENT_CHANNEL } from "./schema.ts";

/** What changes when placement changes: cheap to read, so every router replica can poll it. */
export interface PlacementStamp {
  /** Current table version, 0 before the first table is saved. */
  version: number;
  /** Bumped by every override change. */
  overridesRevision: number;
}

/** What a router replica last said it serves. */
export interface RouterReport {
  routerId: string;
  stamp: PlacementStamp;
  /** Milliseconds since the report, by the database's clock. */
  ageMs: number;
}

export interface PlacementStore {
  listCells(region: string): Promise<CellRecord[]>;
  upsertCell(cell: CellRecord): Promise<CellRecord>;
  /** Fails with `unknown_cell` if the region has no such cell. */
  setCellState(region: string, id: string, state: CellState): Promise<CellRecord>;
  /** Sets how many tenants the cell may hold (undefined: no limit); `unknown_cell` as above. */
  setCellCapacity(region: string, id: string, maxTenants: number | undefined): Promise<CellRecord>;
  /** The newest table with the current overrides, or null before the region's first table. */
  currentTable(region: string): Promise<PlacementTable | null>;
  currentStamp(region: string): Promise<PlacementStamp>;
  /**
   * Appends `table` as the region's new current version. Optimistic concurrency: it must be exactly
   * current + 1 (else `version_conflict`), and every bucket must name a known cell (else
   * `unknown_cell`). Overrides are not part of a version: change them with setOverride/removeOverride.
   */
  saveTable(table: PlacementTable): Promise<void>;
  listOverrides(region: string): Promise<PlacementOverride[]>;
  /** Pins a tenant to a known cell of its region (else `unknown_cell`), replacing any earlier pin. */
  setOverride(override: PlacementOverride): Promise<void>;
  /**
   * Pins a tenant only if it has no override yet, and returns the cell it is pinned to now: when two
   * routers place the same new tenant at once, the first pin wins and both send it to that cell.
   */
  claimOverride(override: PlacementOverride): Promise<string>;
  /** True if the tenant had an override. */
  removeOverride(region: string, tenantKey: string): Promise<boolean>;
  /** A router replica says which placement it serves now (its heartbeat, too). */
  reportRouter(region: string, routerId: string, stamp: PlacementStamp): Promise<void>;
  listRouters(region: string): Promise<RouterReport[]>;
  /** Calls `onChange(region)` soon after any region's placement changes (Postgres LISTEN). */
  subscribe(onChange: (region: string) => void): Promise<{ stop(): Promise<void> }>;
}

export interface PlacementStoreOptions {
  /** Upper bound for each store call, including connection waits. */
  queryTimeoutMs?: number;
}

const UNIQUE_VIOLATION = "23505";
const FOREIGN_KEY_VIOLATION = "23503";

interface CellRow {
  region: string;
  id: string;
  state: CellState;
  api_url: string;
  weight: number;
  max_tenants: number | null;
}

const toCell = (row: CellRow): CellRecord => ({
  id: row.id,
  region: row.region,
  state: row.state,
  apiUrl: row.api_url,
  weight: row.weight,
  ...(row.max_tenants === null ? {} : { maxTenants: row.max_tenants }),
});

/** Placement persisted in a region's control-plane database (see migrateControlPlane). */
export function createPlacementStore(
  sql: Sql,
  { queryTimeoutMs = 5_000 }: PlacementStoreOptions = {},
): PlacementStore {
  /** One statement, cancelled on the server if it outlives the deadline. */
  const query = <T>(what: string, pending: PromiseLike<T> & { cancel(): void }) =>
    withDeadline(pending, queryTimeoutMs, what, () => pending.cancel());

  /** A transaction whose statements the server itself stops at the deadline. */
  const transaction = <T>(what: string, work: (tx: TransactionSql) => Promise<T>, mode = "read write") =>
    withDeadline(
      sql.begin(mode, async (tx) => {
        await tx`select set_config('statement_timeout', ${String(queryTimeoutMs)}, true)`;
        return work(tx);
      }) as Promise<T>,
      queryTimeoutMs,
      what,
    );

  /** Tells watchers that the overrides changed: a new revision to poll, a notification to wake early. */
  const announceOverrides = async (tx: TransactionSql, region: string) => {
    await tx`insert into placement_regions (region, overrides_revision) values (${region}, 1)
             on conflict (region) do update set overrides_revision = placement_regions.overrides_revision + 1`;
    await tx`select pg_notify(${PLACEMENT_CHANNEL}, ${region})`;
  };

  return {
    async listCells(region) {
      const rows = await query(
        "listCells",
        sql<CellRow[]>`select region, id, state, api_url, weight, max_tenants from placement_cells
                       where region = ${region} order by id`,
      );
      return rows.map(toCell);
    },

    async upsertCell(cell) {
      assertValidCell(cell);
      const [row] = await query(
        "upsertCell",
        sql<CellRow[]>`insert into placement_cells (region, id, state, api_url, weight, max_tenants)
          values (${cell.region}, ${cell.id}, ${cell.state}, ${cell.apiUrl}, ${cell.weight}, ${cell.maxTenants ?? null})
          on conflict (region, id) do update
            set state = excluded.state, api_url = excluded.api_url, weight = excluded.weight,
                max_tenants = coalesce(excluded.max_tenants, placement_cells.max_tenants), updated_at = now()
          returning region, id, state, api_url, weight, max_tenants`,
      );
      if (!row) throw new PlacementError("unknown_cell", `cell ${cell.id} was not stored`);
      return toCell(row);
    },

    async setCellState(region, id, state) {
      if (!CELL_STATES.includes(state))
        throw new PlacementError("invalid_cell", `unknown cell state ${state}`);
      const [row] = await query(
        "setCellState",
        sql<CellRow[]>`update placement_cells set state = ${state}, updated_at = now()
          where region = ${region} and id = ${id}
          returning region, id, state, api_url, weight, max_tenants`,
      );
      if (!row) throw new PlacementError("unknown_cell", `region ${region} has no cell ${id}`);
      return toCell(row);
    },

    async setCellCapacity(region, id, maxTenants) {
      assertValidCell({ id, region, state: "active", apiUrl: "", weight: 1, maxTenants });
      const [row] = await query(
        "setCellCapacity",
        sql<CellRow[]>`update placement_cells set max_tenants = ${maxTenants ?? null}, updated_at = now()
          where region = ${region} and id = ${id}
          returning region, id, state, api_url, weight, max_tenants`,
      );
      if (!row) throw new PlacementError("unknown_cell", `region ${region} has no cell ${id}`);
      return toCell(row);
    },

    async currentStamp(region) {
      const [row] = await query(
        "currentStamp",
        sql<{ version: number; overrides_revision: string }[]>`select
          coalesce((select max(version) from placement_versions where region = ${region}), 0) as version,
          coalesce((select overrides_revision from placement_regions where region = ${region}), 0) as overrides_revision`,
      );
      return { version: row?.version ?? 0, overridesRevision: Number(row?.overrides_revision ?? 0) };
    },

    currentTable(region) {
      // One snapshot, so the buckets and the overrides belong to the same moment.
      return transaction(
        "currentTable",
        async (tx) => {
          const [latest] = await tx<{ version: number; buckets: string[] }[]>`
            select version, buckets from placement_versions
            where region = ${region} order by version desc limit 1`;
          if (!latest) return null;
          const pins = await tx<{ tenant_key: string; cell_id: string }[]>`
            select tenant_key, cell_id from placement_overrides where region = ${region}`;
          return {
            region,
            version: latest.version,
            buckets: latest.buckets,
            overrides: new Map(pins.map((pin) => [pin.tenant_key, pin.cell_id])),
          };
        },
        "isolation level repeatable read read only",
      );
    },

    async saveTable(table) {
      if (table.buckets.length !== BUCKET_COUNT) {
        throw new PlacementError(
          "invalid_table",
          `a table has ${BUCKET_COUNT} buckets, not ${table.buckets.length}`,
        );
      }
      const cellIds = [...new Set(table.buckets)];
      try {
        await transaction("saveTable", async (tx) => {
          const [current] = await tx<{ version: number }[]>`
            select coalesce(max(version), 0) as version from placement_versions where region = ${table.region}`;
          const expected = (current?.version ?? 0) + 1;
          if (table.version !== expected) {
            throw new PlacementError(
              "version_conflict",
              `${table.region} is at version ${expected - 1}; cannot save version ${table.version}`,
            );
          }
          const known = await tx<{ id: string }[]>`
            select id from placement_cells where region = ${table.region} and id = any(${cellIds})`;
          const missing = cellIds.filter((id) => !known.some((cell) => cell.id === id));
          if (missing.length > 0) {
            throw new PlacementError("unknown_cell", `${table.region} has no cell ${missing.join(", ")}`);
          }
          await tx`insert into placement_versions (region, version, buckets)
                   values (${table.region}, ${table.version}, ${table.buckets as string[]})`;
          await tx`select pg_notify(${PLACEMENT_CHANNEL}, ${table.region})`;
        });
      } catch (error) {
        if (isPostgresError(error, UNIQUE_VIOLATION)) {
          throw new PlacementError("version_conflict", `version ${table.version} of ${table.region} exists`, {
            cause: error,
          });
        }
        throw error;
      }
    },

    async listOverrides(region) {
      const rows = await query(
        "listOverrides",
        sql<{ tenant_key: string; cell_id: string; reason: string }[]>`
          select tenant_key, cell_id, reason from placement_overrides where region = ${region} order by tenant_key`,
      );
      return rows.map((row) => ({
        region,
        tenantKey: row.tenant_key,
        cellId: row.cell_id,
        reason: row.reason,
      }));
    },

    async setOverride({ region, tenantKey, cellId, reason }) {
      try {
        await transaction("setOverride", async (tx) => {
          await tx`insert into placement_overrides (region, tenant_key, cell_id, reason)
                   values (${region}, ${tenantKey}, ${cellId}, ${reason})
                   on conflict (region, tenant_key) do update
                     set cell_id = excluded.cell_id, reason = excluded.reason, created_at = now()`;
          await announceOverrides(tx, region);
        });
      } catch (error) {
        if (isPostgresError(error, FOREIGN_KEY_VIOLATION)) {
          throw new PlacementError("unknown_cell", `${region} has no cell ${cellId}`, { cause: error });
        }
        throw error;
      }
    },

    async claimOverride({ region, tenantKey, cellId, reason }) {
      try {
        return await transaction("claimOverride", async (tx) => {
          const inserted = await tx<{ cell_id: string }[]>`
            insert into placement_overrides (region, tenant_key, cell_id, reason)
            values (${region}, ${tenantKey}, ${cellId}, ${reason})
            on conflict (region, tenant_key) do nothing returning cell_id`;
          if (inserted[0]) {
            await announceOverrides(tx, region);
            return inserted[0].cell_id;
          }
          const [existing] = await tx<{ cell_id: string }[]>`
            select cell_id from placement_overrides where region = ${region} and tenant_key = ${tenantKey}`;
          if (!existing) throw new PlacementError("unknown_cell", `override of ${tenantKey} vanished`);
          return existing.cell_id;
        });
      } catch (error) {
        if (isPostgresError(error, FOREIGN_KEY_VIOLATION)) {
          throw new PlacementError("unknown_cell", `${region} has no cell ${cellId}`, { cause: error });
        }
        throw error;
      }
    },

    removeOverride(region, tenantKey) {
      return transaction("removeOverride", async (tx) => {
        const removed = await tx`delete from placement_overrides
                                 where region = ${region} and tenant_key = ${tenantKey} returning 1`;
        if (removed.length === 0) return false;
        await announceOverrides(tx, region);
        return true;
      });
    },

    async reportRouter(region, routerId, stamp) {
      await query(
        "reportRouter",
        sql`insert into placement_routers (region, router_id, version, overrides_revision, seen_at)
            values (${region}, ${routerId}, ${stamp.version}, ${stamp.overridesRevision}, now())
            on conflict (region, router_id) do update
              set version = excluded.version, overrides_revision = excluded.overrides_revision, seen_at = now()`,
      );
    },

    async listRouters(region) {
      const rows = await query(
        "listRouters",
        sql<{ router_id: string; version: number; overrides_revision: string; age_ms: number }[]>`
          select router_id, version, overrides_revision,
                 (extract(epoch from now() - seen_at) * 1000)::float8 as age_ms
          from placement_routers where region = ${region} order by router_id`,
      );
      return rows.map((row) => ({
        routerId: row.router_id,
        stamp: { version: row.version, overridesRevision: Number(row.overrides_revision) },
        ageMs: row.age_ms,
      }));
    },

    async subscribe(onChange) {
      const { unlisten } = await withDeadline(
        sql.listen(PLACEMENT_CHANNEL, (region) => onChange(region)),
        queryTimeoutMs,
        "subscribe",
      );
      return { stop: () => withDeadline(unlisten(), queryTimeoutMs, "unsubscribe") };
    },
  };
}
