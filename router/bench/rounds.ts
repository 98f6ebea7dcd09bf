/**
 * bench:router's measurements: targets measured in alternating rounds, with each target's CPU per
 * answered request (its proxy's and the cells'), printed a row per target.
 */
import { type BenchRequest, combine, type LoadResult, type LoadSample } from "@hireloop/testkit/load";
import { fmt } from "@hireloop/testkit/measure";
import { totalCpuSeconds } from "./cpu.ts";
import type { RateSample } from "./open-loop.ts";

/**
 * A measurement: every target warmed up, then measured in rounds whose order alternates (direct, nginx,
 * router, then the reverse), so a change in the machine's background load does not fall on one target.
 */
export interface Phase {
  title: string;
  warmupSeconds: number;
  rounds: number;
  roundSeconds: number;
}

/** autocannon's closed loop: each connection sends its next request when the last is answered. */
export interface ClosedPhase extends Phase {
  connections: number;
}

export type TargetName = "direct" | "nginx" | "router";

export interface Target {
  name: TargetName;
  label: string;
  url: string;
  /** The proxy's processes, whose CPU time is charged to this target's requests. */
  proxyPids: number[];
  /** What this target is sent, when not the shared requests. */
  requests?: readonly BenchRequest[];
}

/** CPU milliseconds per answered request, of the proxy and of all the cells' API processes. */
interface CpuCost {
  proxy: number;
  cells: number;
}

/** One timed run against a target: a closed-loop autocannon run or an open-loop run at a fixed rate. */
export type Run = (target: Target, seconds: number) => Promise<LoadSample>;

export async function measure(
  targets: readonly Target[],
  cellPids: readonly number[],
  phase: Phase,
  description: string,
  run: Run,
): Promise<Record<TargetName, LoadResult>> {
  console.log(
    `\n${phase.title}: ${description}; ${phase.warmupSeconds} s warm-up, then ${phase.rounds} × ${phase.roundSeconds} s per target in alternating order`,
  );
  for (const target of targets) await run(target, phase.warmupSeconds);
  const samples = new Map<TargetName, LoadSample[]>(targets.map((target) => [target.name, []]));
  const cpuSeconds = new Map<TargetName, CpuCost>(
    targets.map((target) => [target.name, { proxy: 0, cells: 0 }]),
  );
  for (let round = 0; round < phase.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const proxyBefore = totalCpuSeconds(target.proxyPids);
      const cellsBefore = totalCpuSeconds(cellPids);
      samples.get(target.name)?.push(await run(target, phase.roundSeconds));
      const used = cpuSeconds.get(target.name);
      if (used) {
        used.proxy += totalCpuSeconds(target.proxyPids) - proxyBefore;
        used.cells += totalCpuSeconds(cellPids) - cellsBefore;
      }
    }
  }
  const results = Object.fromEntries(
    targets.map((target) => [target.name, combine(samples.get(target.name) ?? [])]),
  ) as Record<TargetName, LoadResult>;
  for (const target of targets) {
    const result = results[target.name];
    const used = cpuSeconds.get(target.name) ?? { proxy: Number.NaN, cells: Number.NaN };
    const perRequest = (seconds: number) => (seconds * 1000) / result.responses;
    const lags = (samples.get(target.name) ?? []).map((sample) => (sample as Partial<RateSample>).lagP99);
    const lag = lags.every((value) => value !== undefined) ? Math.max(...lags) : undefined;
    row(target, result, { proxy: perRequest(used.proxy), cells: perRequest(used.cells) }, lag);
  }
  return results;
}

function row(target: Target, result: LoadResult, cpu: CpuCost, lagP99?: number) {
  const unexpected = [...result.unexpected.entries()].map(([status, count]) => `${status}×${count}`);
  const proxyCpu = target.proxyPids.length > 0 ? `${fmt(cpu.proxy, 3)} ms ${target.name}` : "no proxy";
  const lag = lagP99 === undefined ? "" : `   send lag p99 ${fmt(lagP99, 2)} ms`;
  console.log(
    `  ${target.label.padEnd(20)} ${fmt(result.rps, 0).padStart(7)} req/s   p50 ${fmt(result.p50, 2).padStart(7)} ms   p99 ${fmt(result.p99, 2).padStart(7)} ms   errors ${result.errors}${unexpected.length > 0 ? ` (${unexpected.join(", ")})` : ""}   CPU/request: ${proxyCpu}, ${fmt(cpu.cells, 3)} ms cells${lag}`,
  );
}
