/** What a health monitor keeps per upstream (a cell, or a peer region's router). */
export interface HealthState {
  up: boolean;
  /** Failed checks in a row. */
  failures: number;
  /** A check is in flight: the next tick skips this upstream rather than stack checks on it. */
  checking: boolean;
}

/**
 * Records one check's outcome: an upstream is down after `failuresToDown` failures in a row and up
 * again after one success. Returns the change, if this check made one, so the caller logs and
 * updates its gauge once per transition.
 */
export function recordCheck(
  state: HealthState,
  failure: string | undefined,
  failuresToDown: number,
): "up" | "down" | undefined {
  if (failure === undefined) {
    state.failures = 0;
    if (state.up) return undefined;
    state.up = true;
    return "up";
  }
  state.failures += 1;
  if (!state.up || state.failures < failuresToDown) return undefined;
  state.up = false;
  return "down";
}
