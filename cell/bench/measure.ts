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

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** `clients` concurrent loops sending requests for `seconds`; latencies in milliseconds. */
export async function load(
  request: () => Promise<Response>,
  clients: number,
  seconds: number,
): Promise<{ p50: number; p95: number; p99: number; rps: number; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        const res = await request().catch(() => null);
        if (!res?.ok) errors++;
        await res?.arrayBuffer();
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    rps: latencies.length / seconds,
    errors,
  };
}

export const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits });
