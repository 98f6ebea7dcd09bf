import type { Logger } from "@hireloop/observability";
import {
  type CellRecord,
  createPlacementStore,
  type PlacementStamp,
  watchPlacement,
} from "@hireloop/placement";
import postgres from "postgres";
import type { PlacementView } from "./placement.ts";

export interface ControlPlanePlacement extends PlacementView {
  /** Resolves once the first table and cell list are loaded. */
  ready: Promise<void>;
  stop(): Promise<void>;
}

export interface ControlPlaneOptions {
  databaseUrl: string;
  region: string;
  routerId: string;
  refreshMs: number;
  logger: Logger;
}

/** A lookup for a cell the cached list lacks reloads the list, at most this often. */
const MISS_RELOAD_MIN_MS = 250;

/**
 * The region's placement as this replica caches it: the package's watcher keeps the table fresh
 * (poll + NOTIFY), and the cell list is reloaded on the same period — and at once when a table
 * names a cell the list does not know yet, so a newly added cell is served without waiting.
 * Lookups read memory only.
 */
export function watchControlPlanePlacement(options: ControlPlaneOptions): ControlPlanePlacement {
  const { region, refreshMs, logger } = options;
  const sql = postgres(options.databaseUrl, {
    max: 2,
    connect_timeout: 5,
    idle_timeout: 60,
    onnotice: () => {},
    connection: { application_name: `hireloop-router-${options.routerId}` },
  });
  const store = createPlacementStore(sql);
  let stopped = false;
  /** Tells the control plane what this replica serves, so operators can wait for a change to be in force. */
  const report = (stamp: PlacementStamp | undefined) => {
    if (!stamp || stopped) return;
    store.reportRouter(region, options.routerId, stamp).catch((error: unknown) => {
      logger.warn({ err: error }, "could not report the placement this router serves");
    });
  };
  const watcher = watchPlacement(store, region, {
    intervalMs: refreshMs,
    onError: (error) => logger.warn({ err: error }, "placement refresh failed; serving the cached table"),
    onLoad: report,
  });
  let loaded = false;
  let cells: readonly CellRecord[] = [];
  let byId = new Map<string, CellRecord>();
  let loading: Promise<boolean> | undefined;
  let lastLoad = 0;

  /** Resolves true when the list was loaded (kept as it was on failure). */
  function reloadCells(): Promise<boolean> {
    lastLoad = Date.now();
    loading ??= store
      .listCells(region)
      .then((listed) => {
        cells = listed.filter((cell) => cell.state !== "retired");
        byId = new Map(cells.map((cell) => [cell.id, cell]));
        return true;
      })
      .catch((error: unknown) => {
        logger.warn({ err: error }, "cell list refresh failed; serving the cached list");
        return false;
      })
      .finally(() => {
        loading = undefined;
      });
    return loading;
  }

  const firstCells = (async () => {
    while (!stopped && !(await reloadCells())) await new Promise((resolve) => setTimeout(resolve, refreshMs));
  })();
  const timer = setInterval(() => {
    void reloadCells();
    report(watcher.stamp());
  }, refreshMs);
  timer.unref();
  const ready = Promise.all([watcher.ready, firstCells]).then(() => {
    loaded = true;
  });
  ready.catch(() => {});

  return {
    table: () => (loaded ? watcher.current() : undefined),
    cell(id) {
      const cell = byId.get(id);
      if (!cell && Date.now() - lastLoad >= MISS_RELOAD_MIN_MS) void reloadCells();
      return cell;
    },
    cells: () => cells,
    claimNewTenant: (tenantKey, cellId, reason) => store.claimOverride({ region, tenantKey, cellId, reason }),
    ready,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await watcher.stop();
      await loading;
      await firstCells;
      await sql.end({ timeout: 5 });
    },
  };
}
