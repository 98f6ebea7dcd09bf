import { PlacementError } from "./errors.ts";
import type { PlacementStamp, PlacementStore } from "./store/store.ts";
import type { PlacementTable } from "./types.ts";

export interface WatchPlacementOptions {
  /** How often to poll the current version (one indexed query). */
  intervalMs?: number;
  /**
   * Also wake on Postgres NOTIFY, so a change lands in milliseconds rather than at the next poll.
   * Turn off where LISTEN cannot work (a transaction-mode connection pooler); polling still converges.
   */
  wakeOnNotify?: boolean;
  /** A poll or subscription failed; the watcher keeps serving its last table and tries again. */
  onError?: (error: unknown) => void;
  /** A newer table (or overrides) was loaded; the stamp says which. */
  onLoad?: (stamp: PlacementStamp) => void;
}

export interface PlacementWatcher {
  /** The newest table seen; throws `placement_not_ready` before the first one loads. */
  current(): PlacementTable;
  /** Which placement `current()` includes; undefined before the first load. */
  stamp(): PlacementStamp | undefined;
  /** Resolves when the first table has loaded (waits if the region has none yet). */
  ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Keeps a router replica's copy of the region's placement fresh: polls the cheap stamp every
 * `intervalMs` and reloads the table only when it changed. Lookups read memory only.
 */
export function watchPlacement(
  store: PlacementStore,
  region: string,
  {
    intervalMs = 1_000,
    wakeOnNotify = true,
    onError = (error) => process.emitWarning(`placement watcher for ${region}: ${String(error)}`),
    onLoad,
  }: WatchPlacementOptions = {},
): PlacementWatcher {
  let table: PlacementTable | undefined;
  let loadedStamp: PlacementStamp | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let pollAgain = false;

  let markReady: () => void = () => {};
  let failReady: (error: PlacementError) => void = () => {};
  const ready = new Promise<void>((resolve, reject) => {
    markReady = resolve;
    failReady = reject;
  });
  // Stopping before the first load rejects `ready`; a caller that never awaited it must not crash.
  ready.catch(() => {});

  async function refresh(): Promise<void> {
    // Read the stamp before the table: the table is then at least that new, and a change in between
    // only shows up as a newer stamp at the next poll.
    const stamp = await store.currentStamp(region);
    if (loadedStamp && sameStamp(stamp, loadedStamp)) return;
    const latest = await store.currentTable(region);
    if (!latest) return;
    table = latest;
    loadedStamp = stamp;
    markReady();
    onLoad?.(stamp);
  }

  /** Runs one refresh at a time; a wake-up during a refresh runs another right after it. */
  function poll(): void {
    if (stopped) return;
    if (polling) {
      pollAgain = true;
      return;
    }
    clearTimeout(timer);
    polling = refresh()
      .catch(onError)
      .finally(() => {
        polling = undefined;
        if (stopped) return;
        if (pollAgain) {
          pollAgain = false;
          poll();
          return;
        }
        timer = setTimeout(poll, intervalMs);
        timer.unref();
      });
  }

  const subscription = wakeOnNotify
    ? store
        .subscribe((changed) => {
          if (changed === region) poll();
        })
        .catch((error: unknown) => {
          onError(error);
          return undefined;
        })
    : Promise.resolve(undefined);

  poll();

  return {
    current() {
      if (!table)
        throw new PlacementError("placement_not_ready", `no placement table loaded for ${region} yet`);
      return table;
    },
    stamp: () => loadedStamp,
    ready,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      failReady(new PlacementError("placement_not_ready", `watcher for ${region} stopped before loading`));
      await polling;
      await (await subscription)?.stop();
    },
  };
}

function sameStamp(a: PlacementStamp, b: PlacementStamp): boolean {
  return a.version === b.version && a.overridesRevision === b.overridesRevision;
}
