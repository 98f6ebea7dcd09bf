import { readFile } from "node:fs/promises";
import type { Command } from "commander";
import { formatTable } from "./control/format.ts";
import { defaultPlatformStatePath } from "./token.ts";

/**
 * `hireloop regions`: which region GeoDNS would send this machine to. In production Route 53 answers
 * api.<domain> with the lowest-latency region whose /readyz health check passes (infra/terraform);
 * locally there is no DNS, so this probes every region's router the same way and applies the same rule.
 */

/** One region's router, as the local platform state lists it. */
export type RegionRouter = { region: string; url: string };

/** One GET /readyz: the HTTP status if the router answered, and how long the answer took. */
export type ReadinessSample = { status: number; rttMs: number } | { error: string };

/** What the probes say about one region. */
export type RegionReadiness = RegionRouter & {
  ready: boolean;
  /** Median round trip of the samples that got an answer, whole milliseconds; undefined if none did. */
  rttMs: number | undefined;
  /** Why a region is not ready (`503`, `connect ECONNREFUSED …`, `no answer within 1000 ms`). */
  detail: string;
  samples: ReadinessSample[];
};

export type ProbeSettings = { timeoutMs: number; samples: number };

/** A router that needs more than a second to say it is ready should not be the one chosen. */
export const DEFAULT_PROBE_SETTINGS: ProbeSettings = { timeoutMs: 1_000, samples: 3 };

export type RegionsErrorCode = "no_platform" | "invalid_platform" | "no_ready_region";
export type RegionsError = { code: RegionsErrorCode; message: string };

/**
 * The region GeoDNS would answer with: among ready regions the lowest round trip; equal round trips
 * (at millisecond resolution, below which local measurements are noise) go to the platform's default
 * region, then by name so the answer never depends on probe order. Undefined when no region is ready.
 */
export function pickRegion<T extends Pick<RegionReadiness, "region" | "ready" | "rttMs">>(
  samples: T[],
  defaultRegion: string,
): T | undefined {
  const rank = (candidate: T): [number, number, string] => [
    candidate.rttMs ?? Number.POSITIVE_INFINITY,
    candidate.region === defaultRegion ? 0 : 1,
    candidate.region,
  ];
  let best: T | undefined;
  for (const candidate of samples) {
    if (!candidate.ready) continue;
    if (best === undefined || compareRanks(rank(candidate), rank(best)) < 0) best = candidate;
  }
  return best;
}

function compareRanks(a: [number, number, string], b: [number, number, string]): number {
  if (a[0] !== b[0]) return a[0] - b[0];
  if (a[1] !== b[1]) return a[1] - b[1];
  return a[2].localeCompare(b[2]);
}

/** Reads the routers and the default region from the local platform's state file. */
export async function readRegionRouters(
  platformStatePath: string,
): Promise<
  { ok: true; defaultRegion: string; routers: RegionRouter[] } | { ok: false; error: RegionsError }
> {
  const invalid = (message: string) => ({
    ok: false as const,
    error: { code: "invalid_platform" as const, message },
  });
  let text: string;
  try {
    text = await readFile(platformStatePath, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    const message = `no local platform state at ${platformStatePath}: start the local platform first (make up)`;
    return { ok: false, error: { code: "no_platform", message } };
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    return invalid(`${platformStatePath} is not valid JSON`);
  }
  if (!isRecord(state) || state.mode !== "dev") {
    return invalid("the local platform does not run in dev mode, so it has no regional routers");
  }
  if (typeof state.region !== "string" || !Array.isArray(state.routers)) {
    return invalid(`${platformStatePath} has no default region or no routers`);
  }
  const routers: RegionRouter[] = [];
  for (const router of state.routers) {
    if (!isRecord(router) || typeof router.region !== "string" || !isHttpUrl(router.url)) {
      return invalid(`${platformStatePath} lists a router without a region and an http(s) url`);
    }
    routers.push({ region: router.region, url: router.url });
  }
  if (routers.length === 0) return invalid(`${platformStatePath} lists no routers`);
  return { ok: true, defaultRegion: state.region, routers };
}

/** Probes all regions at once; each region's samples run one after another so they do not compete. */
export function probeRegions(
  routers: RegionRouter[],
  settings = DEFAULT_PROBE_SETTINGS,
): Promise<RegionReadiness[]> {
  return Promise.all(routers.map((router) => probeRegion(router, settings)));
}

async function probeRegion(router: RegionRouter, settings: ProbeSettings): Promise<RegionReadiness> {
  const samples: ReadinessSample[] = [];
  for (let i = 0; i < settings.samples; i += 1) {
    samples.push(await sampleReadiness(router.url, settings.timeoutMs));
  }
  const answered = samples.filter((sample) => "status" in sample);
  const readyCount = answered.filter((sample) => sample.status === 200).length;
  const failure = samples.find((sample) => !("status" in sample) || sample.status !== 200);
  return {
    ...router,
    // A majority, so one slow or dropped probe neither makes nor breaks a region.
    ready: readyCount * 2 > settings.samples,
    rttMs: median(answered.map((sample) => sample.rttMs)),
    detail: failure === undefined ? "" : "status" in failure ? String(failure.status) : failure.error,
    samples,
  };
}

async function sampleReadiness(routerUrl: string, timeoutMs: number): Promise<ReadinessSample> {
  const started = performance.now();
  try {
    const response = await fetch(new URL("/readyz", routerUrl), { signal: AbortSignal.timeout(timeoutMs) });
    const rttMs = performance.now() - started;
    // Drain the body so the kept-alive connection is free for the next sample.
    await response.arrayBuffer();
    return { status: response.status, rttMs };
  } catch (error) {
    if (error instanceof DOMException && error.name === "TimeoutError") {
      return { error: `no answer within ${timeoutMs} ms` };
    }
    return { error: fetchFailure(error) };
  }
}

/** fetch() reports every network failure as "fetch failed"; the reason is in its cause. */
function fetchFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? error.cause.message : error.message;
}

function median(values: number[]): number | undefined {
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)];
  if (upper === undefined) return undefined;
  const lower = sorted.length % 2 === 0 ? (sorted[sorted.length / 2 - 1] ?? upper) : upper;
  return Math.round((lower + upper) / 2);
}

export type RegionsOptions = { json?: boolean; pick?: boolean };
export type RegionsIo = {
  platformStatePath: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
};

/**
 * Runs the command and returns its exit code: 0 when a region is ready, 1 when none is (so
 * `API=$(npx hireloop regions --pick)` fails loudly), 2 when there is no usable platform state.
 */
export async function runRegions(options: RegionsOptions, io: RegionsIo): Promise<number> {
  const platform = await readRegionRouters(io.platformStatePath);
  if (!platform.ok) {
    io.stderr(`hireloop regions: ${platform.error.message}\n`);
    return 2;
  }
  const regions = await probeRegions(platform.routers);
  const chosen = pickRegion(regions, platform.defaultRegion);
  const error: RegionsError | undefined =
    chosen === undefined ? { code: "no_ready_region", message: noReadyRegionMessage(regions) } : undefined;
  if (options.json) {
    const report = {
      defaultRegion: platform.defaultRegion,
      chosen: chosen?.region ?? null,
      error: error ?? null,
      regions,
    };
    // A region with no measured round trip says so (null) rather than dropping the field.
    io.stdout(`${JSON.stringify(report, (_key, value) => value ?? null, 2)}\n`);
  } else if (!options.pick) {
    io.stdout(`${formatRegions(regions, chosen)}\n`);
  } else if (chosen !== undefined) {
    io.stdout(`${chosen.url}\n`);
  }
  if (error === undefined) return 0;
  io.stderr(`hireloop regions: ${error.message}\n`);
  return 1;
}

function noReadyRegionMessage(regions: RegionReadiness[]): string {
  const reasons = regions.map((r) => `${r.region} (${r.url}): ${r.detail || "not ready"}`).join("; ");
  return `no region is ready to route: ${reasons}`;
}

export function formatRegions(regions: RegionReadiness[], chosen: RegionReadiness | undefined): string {
  const rows = regions.map((r) => [
    r.region,
    r.url,
    r.ready ? "yes" : "no",
    r.rttMs === undefined ? "-" : `${r.rttMs} ms`,
    r === chosen ? "<- GeoDNS" : r.detail,
  ]);
  return formatTable(["REGION", "URL", "READY", "RTT", ""], rows);
}

export function registerRegionsCommand(program: Command): void {
  program
    .command("regions")
    .description("Probe each region's router /readyz and show the region GeoDNS would choose")
    .option("--json", "print JSON")
    .option("--pick", "print only the chosen region's router URL")
    .action(async (options: RegionsOptions) => {
      process.exitCode = await runRegions(options, {
        platformStatePath: defaultPlatformStatePath(),
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
      });
    });
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== "string" || !URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === "http:" || protocol === "https:";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
