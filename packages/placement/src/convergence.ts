import { PlacementError } from "./errors.ts";
import type { PlacementStamp, PlacementStore } from "./store/store.ts";

export interface WaitForRoutersOptions {
  /** Give up after this long with `routers_not_converged`. */
  timeoutMs?: number;
  /** Routers silent for longer are gone (stopped or crashed) and not waited for. */
  liveWithinMs?: number;
  pollMs?: number;
}

/** True when `served` includes every change up to `wanted`. */
export function serves(served: PlacementStamp, wanted: PlacementStamp): boolean {
  return served.version >= wanted.version && served.overridesRevision >= wanted.overridesRevision;
}

/**
 * Waits until every live router replica of the region reports serving the placement as it is now
 * (table version and override revision), so a change is known to be in force before anything
 * depends on it, such as emptying a migrated tenant's source cell. Replicas report after each load
 * and as a heartbeat; a region without live replicas has nothing to wait for.
 */
export async function waitForRouters(
  store: PlacementStore,
  region: string,
  { timeoutMs = 15_000, liveWithinMs = 10_000, pollMs = 100 }: WaitForRoutersOptions = {},
): Promise<{ routers: number; waitedMs: number }> {
  const wanted = await store.currentStamp(region);
  const started = Date.now();
  for (;;) {
    const live = (await store.listRouters(region)).filter((router) => router.ageMs <= liveWithinMs);
    const behind = live.filter((router) => !serves(router.stamp, wanted));
    if (behind.length === 0) return { routers: live.length, waitedMs: Date.now() - started };
    if (Date.now() - started >= timeoutMs) {
      throw new PlacementError(
        "routers_not_converged",
        `router${behind.length > 1 ? "s" : ""} ${behind.map((r) => r.routerId).join(", ")} of ${region} still serve an older placement after ${timeoutMs} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
