const WARM_UP_MS = 500;

/**
 * Calls per second over `seconds`, after half a second of the same calls: each side of a ratio is
 * measured with its code compiled and its caches filled, not the first one to run paying for both.
 */
export async function throughput(fn: () => unknown | Promise<unknown>, seconds = 2): Promise<number> {
  const warm = performance.now() + WARM_UP_MS;
  while (performance.now() < warm) await fn();
  let count = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  while (performance.now() < until) {
    await fn();
    count++;
  }
  return count / ((performance.now() - started) / 1000);
}

/**
 * Calls per second of two functions measured in alternating rounds, each side the median of its
 * rounds: neither is measured while the other's garbage is collected or while only one of them has
 * had time to be optimized (a large parser keeps speeding up for seconds after a short warm-up).
 */
export async function compareThroughput(
  ours: () => unknown | Promise<unknown>,
  peer: () => unknown | Promise<unknown>,
  { rounds = 5, seconds = 1 } = {},
): Promise<{ ours: number; peer: number }> {
  const measured = { ours: [] as number[], peer: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    measured.ours.push(await throughput(ours, seconds));
    measured.peer.push(await throughput(peer, seconds));
  }
  const median = (values: number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  return { ours: median(measured.ours), peer: median(measured.peer) };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
