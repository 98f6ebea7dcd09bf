/**
 * npm run bench:router — the regional router beside nginx, in front of the same three real cells,
 * driven by the same load tool (autocannon) with the same connections and the same requests:
 *   direct  one cell, no proxy (the floor)
 *   nginx   Debian's nginx, `hash $http_x_user_id consistent`, keep-alive, no failover
 *   router  router/src/main.ts as a process, placement from a real control plane
 * and checks the issue's targets: router ≥ 0.5 × nginx throughput, router adds < 2 ms p99 over direct.
 *
 * The router's /healthz is its own and every /v1 path requires a signed-in user, so no anonymous
 * request reaches a cell's health through it. All three therefore get the same authenticated
 * `GET /v1/resumes/<random uuid>`, which every cell answers 404 after verifying the token and
 * querying its database; each request carries its user's token and `x-user-id` (nginx's hash key).
 */
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { buildTable, createPlacementStore } from "@hireloop/placement";
import { fmt } from "../../cell/bench/measure.ts";
import { startRegion, type TestRegion } from "../test/support/cells.ts";
import { createControlPlaneDatabase } from "../test/support/control-plane.ts";
import { type RouterProcess, startRouterProcess } from "../test/support/router-process.ts";
import { childProcesses, totalCpuSeconds } from "./cpu.ts";
import { type BenchRequest, combine, drive, type LoadResult, type LoadSample } from "./load.ts";
import { ensureNginx, type RunningNginx, startNginx } from "./nginx.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const CELLS = 3;
const USERS = 240;
const EXPECT_STATUS = 404;
/** The whole run stops itself after this, whatever state it is in. */
const DEADLINE_MS = 6 * 60_000;
const TARGET_THROUGHPUT_RATIO = 0.5;
const TARGET_ADDED_P99_MS = 2;

/**
 * A measurement: every target warmed up, then measured in rounds whose order alternates (direct, nginx,
 * router, then the reverse), so a change in the machine's background load does not fall on one target.
 */
interface Phase {
  title: string;
  connections: number;
  warmupSeconds: number;
  rounds: number;
  roundSeconds: number;
}

/** The issue's comparison: the same connections against each target, as fast as each answers. */
const UNDER_LOAD: Phase = {
  title: "under load",
  connections: 32,
  warmupSeconds: 3,
  rounds: 2,
  roundSeconds: 5,
};
/** The hop's own cost, without queueing: one connection, one request at a time. */
const UNLOADED: Phase = { title: "unloaded", connections: 1, warmupSeconds: 1, rounds: 2, roundSeconds: 4 };

type TargetName = "direct" | "nginx" | "router";

interface Target {
  name: TargetName;
  label: string;
  url: string;
  /** The proxy's processes, whose CPU time is charged to this target's requests. */
  proxyPids: number[];
}

/** CPU milliseconds per answered request, of the proxy and of all the cells' API processes. */
interface CpuCost {
  proxy: number;
  cells: number;
}

const log = (line: string) => console.log(line);
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp() {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup().catch((error: unknown) => console.error(`cleanup failed: ${(error as Error).message}`));
  }
}
const deadline = setTimeout(() => {
  console.error(`bench:router still running after ${DEADLINE_MS / 1000} s: stopping`);
  void cleanUp().finally(() => process.exit(1));
}, DEADLINE_MS);
deadline.unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

async function setUp() {
  const nginxBinary = ensureNginx(log);
  execFileSync("npx", ["hireloop", "local", "up", "--profile", "test"], {
    cwd: root,
    stdio: "ignore",
    timeout: 180_000,
  });

  log(`starting ${CELLS} cells (real processes, one test database each) …`);
  const region: TestRegion = await startRegion(CELLS);
  cleanups.push(() => region.stop());

  const controlPlane = await createControlPlaneDatabase();
  cleanups.push(() => controlPlane.drop());
  const store = createPlacementStore(controlPlane.sql);
  for (const cell of region.cells) await store.upsertCell(cell.record);
  await store.saveTable(buildTable({ region: "us-east", cells: region.cells.map((cell) => cell.record) }));

  const router: RouterProcess = await startRouterProcess({
    HL_ROUTER_ID: "router-bench",
    HL_CONTROL_DATABASE_URL: controlPlane.url,
    HL_AUTH_JWKS_URL: region.jwksUrl,
    // Limits stay on (both Redis checks run per request) but high enough never to refuse the load.
    HL_RATE_LIMIT_ADDRESS_POINTS: "1000000000",
    HL_RATE_LIMIT_USER_POINTS: "1000000000",
  });
  cleanups.push(() => router.stop());

  const nginx: RunningNginx = await startNginx(nginxBinary, {
    upstreams: region.cells.map((cell) => new URL(cell.processes.apiUrl).host),
    workerProcesses: 1,
  });
  cleanups.push(() => nginx.stop());

  const run = randomBytes(4).toString("hex");
  const requests: BenchRequest[] = await Promise.all(
    Array.from({ length: USERS }, async (_, index): Promise<BenchRequest> => {
      const uid = `bench-${run}-${index}`;
      return {
        path: `/v1/resumes/${randomUUID()}`,
        headers: { authorization: `Bearer ${await region.token(uid)}`, "x-user-id": uid },
      };
    }),
  );
  const first = region.cells[0];
  if (!first) throw new Error("no cell started");
  const targets: Target[] = [
    { name: "direct", label: `direct (${first.id})`, url: first.processes.apiUrl, proxyPids: [] },
    { name: "nginx", label: "nginx", url: nginx.url, proxyPids: nginx.pids },
    {
      name: "router",
      label: "router",
      url: router.url,
      proxyPids: router.child.pid ? [router.child.pid] : [],
    },
  ];
  const cellPids = childProcesses(process.pid, /cell\/src\/main\.ts api$/);
  if (cellPids.length !== CELLS) throw new Error(`found ${cellPids.length} cell API processes, not ${CELLS}`);
  return { targets, requests, cellPids, nginxVersion: nginx.version };
}

/** Sends every prepared request once: all must get the expected status; says which cells answered. */
async function spread(target: Target, requests: readonly BenchRequest[]): Promise<string> {
  const perCell = new Map<string, number>();
  for (const request of requests) {
    const res = await fetch(`${target.url}${request.path}`, {
      headers: request.headers,
      signal: AbortSignal.timeout(10_000),
    });
    const body = await res.text();
    if (res.status !== EXPECT_STATUS) {
      throw new Error(
        `${target.label}: ${request.path} answered ${res.status}, not ${EXPECT_STATUS}: ${body}`,
      );
    }
    const cell = res.headers.get("x-hl-cell") ?? "unknown";
    perCell.set(cell, (perCell.get(cell) ?? 0) + 1);
  }
  return [...perCell.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cell, users]) => `${cell} ${users}`)
    .join(", ");
}

async function measure(
  targets: readonly Target[],
  requests: readonly BenchRequest[],
  cellPids: readonly number[],
  phase: Phase,
): Promise<Record<TargetName, LoadResult>> {
  log(
    `\n${phase.title}: autocannon, ${phase.connections} keep-alive connection(s); ${phase.warmupSeconds} s warm-up, then ${phase.rounds} × ${phase.roundSeconds} s per target in alternating order`,
  );
  const options = { connections: phase.connections, expectStatus: EXPECT_STATUS };
  for (const target of targets)
    await drive(target.url, requests, { ...options, seconds: phase.warmupSeconds });
  const samples = new Map<TargetName, LoadSample[]>(targets.map((target) => [target.name, []]));
  const cpuSeconds = new Map<TargetName, CpuCost>(
    targets.map((target) => [target.name, { proxy: 0, cells: 0 }]),
  );
  for (let round = 0; round < phase.rounds; round++) {
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const target of order) {
      const proxyBefore = totalCpuSeconds(target.proxyPids);
      const cellsBefore = totalCpuSeconds(cellPids);
      samples
        .get(target.name)
        ?.push(await drive(target.url, requests, { ...options, seconds: phase.roundSeconds }));
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
    row(target, result, { proxy: perRequest(used.proxy), cells: perRequest(used.cells) });
  }
  return results;
}

function row(target: Target, result: LoadResult, cpu: CpuCost) {
  const unexpected = [...result.unexpected.entries()].map(([status, count]) => `${status}×${count}`);
  const proxyCpu = target.proxyPids.length > 0 ? `${fmt(cpu.proxy, 3)} ms ${target.name}` : "no proxy";
  log(
    `  ${target.label.padEnd(20)} ${fmt(result.rps, 0).padStart(7)} req/s   p50 ${fmt(result.p50, 2).padStart(7)} ms   p99 ${fmt(result.p99, 2).padStart(7)} ms   errors ${result.errors}${unexpected.length > 0 ? ` (${unexpected.join(", ")})` : ""}   CPU/request: ${proxyCpu}, ${fmt(cpu.cells, 3)} ms cells`,
  );
}

const verdict = (met: boolean) => (met ? "met" : "MISSED");
const loadAverage = () => fmt(loadavg()[0] ?? Number.NaN, 2);

async function main() {
  const { targets, requests, cellPids, nginxVersion } = await setUp();
  log(
    `\nmachine: ${availableParallelism()} CPUs shared by the load generator, ${CELLS} cells (API + worker each), the router, nginx, Postgres, Redis and anything else running; load average ${loadAverage()}`,
  );
  log(`versions: node ${process.version}, ${nginxVersion} (1 worker, like the 1 router process)`);
  log(
    "request: GET /v1/resumes/<random uuid> with a valid token and x-user-id on all three; the router has no anonymous path to a cell's /healthz (its own /healthz answers itself, /v1/* needs a token); every cell answers 404",
  );
  log(`users: ${USERS}, each its own token; where they land:`);
  for (const target of targets) log(`  ${target.label.padEnd(20)} ${await spread(target, requests)}`);

  const loaded = await measure(targets, requests, cellPids, UNDER_LOAD);
  const unloaded = await measure(targets, requests, cellPids, UNLOADED);

  const ratio = loaded.router.rps / loaded.nginx.rps;
  const added = (phase: Record<TargetName, LoadResult>, via: TargetName) => phase[via].p99 - phase.direct.p99;
  const n = UNDER_LOAD.connections;
  log(`\nratios (load average now ${loadAverage()})`);
  log(
    `  router / nginx throughput, ${n} conn.:  ${fmt(ratio, 2).padStart(6)}      target ≥ ${TARGET_THROUGHPUT_RATIO}: ${verdict(ratio >= TARGET_THROUGHPUT_RATIO)}`,
  );
  for (const [phase, connections] of [
    [loaded, n],
    [unloaded, 1],
  ] as const) {
    const extra = added(phase, "router");
    log(
      `  router − direct p99, ${String(connections).padStart(2)} conn.:     ${fmt(extra, 2).padStart(6)} ms   target < ${TARGET_ADDED_P99_MS} ms: ${verdict(extra < TARGET_ADDED_P99_MS)}   (nginx − direct: ${fmt(added(phase, "nginx"), 2)} ms)`,
    );
  }
}

try {
  await main();
} finally {
  await cleanUp();
}
