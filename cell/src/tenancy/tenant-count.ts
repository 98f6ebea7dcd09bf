import type { Sql } from "postgres";

export interface TenantCount {
  /** The last counted number of tenants, or undefined before the first count (or while it fails). */
  current(): number | undefined;
}

/**
 * The cell's tenant count for its health answer, which must stay cheap: a read returns the last
 * count at once and, when it is older than `maxAgeMs`, starts one recount in the background.
 */
export function trackTenantCount(sql: Sql, maxAgeMs = 2_000): TenantCount {
  let value: number | undefined;
  let countedAt = 0;
  let counting = false;
  const recount = async () => {
    counting = true;
    try {
      const [row] = await sql<{ tenants: number }[]>`select count(*)::int as tenants from tenants`;
      value = row?.tenants;
    } catch {
      value = undefined;
    } finally {
      countedAt = Date.now();
      counting = false;
    }
  };
  return {
    current() {
      if (!counting && Date.now() - countedAt >= maxAgeMs) void recount();
      return value;
    },
  };
}
