import type { Sql } from "postgres";
import { withDeadline } from "./deadline.ts";

/** Where a user lives, as one region's directory knows it. */
export interface HomeEntry {
  tenantKey: string;
  homeRegion: string;
  /** The cell they registered on, once their home region's event says so. */
  cellId: string | null;
  /** Chose their home region for data residency: it never changes. */
  resident: boolean;
  /** When the home was claimed, by the claiming router's clock; the earliest claim wins a race. */
  claimedAt: Date;
  source: "claim" | "peer" | "event";
}

export type HomeClaim = Omit<HomeEntry, "cellId">;

/** The fields of an event the directory applies (a subset of the event envelope). */
export interface DirectoryEvent {
  id: string;
  type: string;
  tenant: string;
  cell: string;
  region: string;
  time: string;
}

export type EventOutcome = "applied" | "duplicate" | "conflict";

export interface DirectoryStore {
  find(tenantKey: string): Promise<HomeEntry | undefined>;
  /**
   * Records a claim unless an earlier one stands, and returns the entry standing afterwards. A claim
   * replaces a later one only while that one has no registered cell: once data exists, it stays.
   */
  offer(claim: HomeClaim): Promise<HomeEntry>;
  /** Applies an event of any region once (by id): counts it, and a `tenant.registered` places its tenant. */
  applyEvent(event: DirectoryEvent): Promise<EventOutcome>;
}

/** True when claim `a` wins over claim `b`: earlier, or as early and from the region first by name. */
export function precedes(a: HomeClaim, b: HomeClaim): boolean {
  const difference = a.claimedAt.getTime() - b.claimedAt.getTime();
  return difference < 0 || (difference === 0 && a.homeRegion < b.homeRegion);
}

type Row = {
  tenant_key: string;
  home_region: string;
  cell_id: string | null;
  resident: boolean;
  claimed_at: Date;
  source: HomeEntry["source"];
};

const toEntry = (row: Row): HomeEntry => ({
  tenantKey: row.tenant_key,
  homeRegion: row.home_region,
  cellId: row.cell_id,
  resident: row.resident,
  claimedAt: row.claimed_at,
  source: row.source,
});

/** Lookups sit on a request's path; they must fail fast rather than hold it. */
const QUERY_TIMEOUT_MS = 2_000;

export function createDirectoryStore(sql: Sql): DirectoryStore {
  const bounded = <T>(what: string, work: PromiseLike<T>) => withDeadline(work, QUERY_TIMEOUT_MS, what);
  return {
    async find(tenantKey) {
      const [row] = await bounded(
        "directory lookup",
        sql<Row[]>`select * from user_directory where tenant_key = ${tenantKey}`,
      );
      return row && toEntry(row);
    },

    async offer(claim) {
      const [row] = await bounded(
        "directory claim",
        sql<Row[]>`
          insert into user_directory (tenant_key, home_region, resident, claimed_at, source)
          values (${claim.tenantKey}, ${claim.homeRegion}, ${claim.resident}, ${claim.claimedAt}, ${claim.source})
          on conflict (tenant_key) do update
            set home_region = excluded.home_region, resident = excluded.resident,
                claimed_at = excluded.claimed_at, source = excluded.source, cell_id = null, updated_at = now()
            where user_directory.cell_id is null
              and (excluded.claimed_at, excluded.home_region) < (user_directory.claimed_at, user_directory.home_region)
          returning *`,
      );
      return row ? toEntry(row) : ((await this.find(claim.tenantKey)) as HomeEntry);
    },

    async applyEvent(event) {
      return bounded(
        "directory event",
        sql.begin(async (tx): Promise<EventOutcome> => {
          const fresh = await tx`insert into region_applied_events (event_id, origin_region)
                                 values (${event.id}, ${event.region}) on conflict do nothing returning 1`;
          if (fresh.length === 0) return "duplicate";
          await tx`insert into region_event_counts (origin_region, event_type, count)
                   values (${event.region}, ${event.type}, 1)
                   on conflict (origin_region, event_type) do update set count = region_event_counts.count + 1`;
          if (event.type !== "tenant.registered") return "applied";
          const placed = await tx`
            insert into user_directory (tenant_key, home_region, cell_id, claimed_at, source)
            values (${event.tenant}, ${event.region}, ${event.cell}, ${new Date(event.time)}, 'event')
            on conflict (tenant_key) do update set cell_id = excluded.cell_id, updated_at = now()
              where user_directory.home_region = excluded.home_region
            returning 1`;
          return placed.length > 0 ? "applied" : "conflict";
        }),
      );
    },
  };
}
