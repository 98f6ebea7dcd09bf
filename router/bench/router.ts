/**
 * npm run bench:router — the regional router beside nginx, in front of the same three real cells,
 * driven by the same load tool (autocannon) with the same connections and the same requests:
 *   direct  one cell, no proxy (the floor)
 *   nginx   Debian's nginx: each user to the cell the placement names, the router credential made in
 *           njs per request, keep-alive, no failover
 *   router  router/src/main.ts as a process, placement from a real control plane
 * and checks the issue's targets: router ≥ 0.5 × nginx throughput, router adds < 2 ms p99 over direct.
 *
 * Three phases: under load (32 connections, each sending as soon as it is answered: throughput, and
 * with 2 cores shared by everything, latency that is mostly CPU queueing), at a fixed rate (open loop,
 * a quarter of nginx's throughput under load: what the hop adds when nothing saturates) and unloaded (one
 * connection). At the fixed rate "direct" sends each user to the cell the router would pick, so the
 * cells carry the same load with and without the router.
 *
 * The router's /healthz is its own and every /v1 path requires a signed-in user, so no anonymous
 * request reaches a cell's health through it. All three therefore get the same authenticated
 * `GET /v1/resumes/<random uuid>`, which every cell answers 404 after checking the router
 * credential, verifying the token and querying its database; each request carries its user's token
 * and `x-user-id` (nginx's placement key). Cells answer only a router's signed requests (ADR 0016),
 * so nginx signs like the router, and "direct" requests are signed by the load generator.
 *
 * `-- --cpu-prof-dir <dir>` has the router write a V8 CPU profile of the whole run there when it stops.
 */
import { execFileSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { buildTable, cellFor, createPlacementStore } from "@hireloop/placement";
import type { CellProcesses } from "@hireloop/testkit/cell-processes";
import { createControlPlaneDatabase } from "@hireloop/testkit/control-plane";
import { type BenchRequest, drive, headersFor, type LoadResult } from "@hireloop/testkit/load";
import { fmt } from "@hireloop/testkit/measure";
import { startRegion, type TestRegion } from "@hireloop/testkit/regions";
import { type RouterProcess, startRouterProcess } from "@hireloop/testkit/router-process";
import { childProcesses } from "./cpu.ts";
import { ensureNginx, type RunningNginx, startNginx } from "./nginx.ts";
import { type AddressedRequest, OpenLoopDriver } from "./open-loop.ts";
import { type ClosedPhase, measure, type Phase, type Run, type Target, type TargetName } from "./rounds.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const CELLS = 3;
const USERS = 240;
const EXPECT_STATUS = 404;
/** The whole run stops itself after this, whatever state it is in. */
const DEADLINE_MS = 6 * 60_000;
const TARGET_THROUGHPUT_RATIO = 0.5;
const TARGET_ADDED_P99_MS = 2;

/** The issue's comparison: the same connections against each target, as fast as each answers. */
const UNDER_LOAD: ClosedPhase = {
  title: "under load",
  connections: 32,
  warmupSeconds: 3,
  rounds: 2,
  roundSeconds: 5,
};
/**
 * What the hop adds at a steady rate no target is saturated by; the rate is set from nginx's
 * throughput. At half of it the 2 shared cores still queued (direct's own p99 reached 200 ms and
 * the load generator fell 28 ms behind its schedule), so a quarter.
 */
const AT_RATE: Phase = { title: "fixed rate", warmupSeconds: 2, rounds: 2, roundSeconds: 6 };
const RATE_SHARE_OF_NGINX = 0.25;
/** The hop's own cost, without queueing: one connection, one request at a time. */
const UNLOADED: ClosedPhase = {
  title: "unloaded",
  connections: 1,
  warmupSeconds: 1,
  rounds: 2,
  roundSeconds: 4,
};

const { values: args } = parseArgs({ options: { "cpu-prof-dir": { type: "string" } } });

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
  const table = buildTable({ region: "us-east", cells: region.cells.map((cell) => cell.record) });
  await store.saveTable(table);

  const router: RouterProcess = await startRouterProcess(
    {
      HL_ROUTER_ID: "router-bench",
      HL_CONTROL_DATABASE_URL: controlPlane.url,
      HL_AUTH_JWKS_URL: region.jwksUrl,
      // Limits stay on (both Redis checks run per request) but high enough never to refuse the load.
      HL_RATE_LIMIT_ADDRESS_POINTS: "1000000000",
      HL_RATE_LIMIT_USER_POINTS: "1000000000",
    },
    { cpuProfileDir: args["cpu-prof-dir"] },
  );
  cleanups.push(() => router.stop());

  const run = randomBytes(4).toString("hex");
  const users = Array.from({ length: USERS }, (_, index) => `bench-${run}-${index}`);
  const requests: BenchRequest[] = await Promise.all(
    users.map(
      async (uid): Promise<BenchRequest> => ({
        path: `/v1/resumes/${randomUUID()}`,
        headers: { authorization: `Bearer ${await region.token(uid)}`, "x-user-id": uid },
      }),
    ),
  );
  const cellIds = region.cells.map((cell) => cell.id);
  const nginx: RunningNginx = await startNginx(nginxBinary, {
    cells: region.cells.map((cell) => ({
      address: new URL(cell.processes.apiUrl).host,
      cellKey: cell.processes.cellKey,
    })),
    placement: new Map(users.map((uid) => [uid, cellIds.indexOf(cellFor(table, uid))])),
    workerProcesses: 1,
  });
  cleanups.push(() => nginx.stop());

  const first = region.cells[0];
  if (!first) throw new Error("no cell started");
  const targets: Target[] = [
    {
      name: "direct",
      label: `direct (${first.id})`,
      url: first.processes.apiUrl,
      proxyPids: [],
      // Straight to a cell, each request carries the credential the router would have made.
      requests: requests.map((request) => ({
        ...request,
        signedFor: { cellKey: first.processes.cellKey, tenant: request.headers["x-user-id"] ?? "" },
      })),
    },
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
  const cells = new Map(region.cells.map((cell) => [cell.id, cell.processes]));
  return { targets, requests, cellPids, cells, nginxVersion: nginx.version };
}

/**
 * Sends every prepared request once: all must get the expected status. Says how many users each cell
 * answered, and which cell answered each request.
 */
async function spread(
  target: Target,
  requests: readonly BenchRequest[],
): Promise<{ summary: string; cells: string[] }> {
  const perCell = new Map<string, number>();
  const cells: string[] = [];
  for (const request of requests) {
    const res = await fetch(`${target.url}${request.path}`, {
      method: request.method ?? "GET",
      headers: headersFor(request),
      ...(request.body === undefined ? {} : { body: request.body }),
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
    cells.push(cell);
  }
  const summary = [...perCell.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cell, users]) => `${cell} ${users}`)
    .join(", ");
  return { summary, cells };
}

/** autocannon against the target's URL with `connections` keep-alive connections. */
function closedLoop(requests: readonly BenchRequest[], phase: ClosedPhase): Run {
  return (target, seconds) =>
    drive(target.url, target.requests ?? requests, {
      connections: phase.connections,
      seconds,
      expectStatus: EXPECT_STATUS,
    });
}

const measureClosed = (
  targets: readonly Target[],
  requests: readonly BenchRequest[],
  cellPids: readonly number[],
  phase: ClosedPhase,
) =>
  measure(
    targets,
    cellPids,
    phase,
    `autocannon, ${phase.connections} keep-alive connection(s)`,
    closedLoop(requests, phase),
  );

const verdict = (met: boolean) => (met ? "met" : "MISSED");
const loadAverage = () => fmt(loadavg()[0] ?? Number.NaN, 2);

/**
 * The open-loop runs: nginx and the router get every request at their own URL, "direct" sends each
 * to the cell the router sent it to during the spread, so every cell gets the same share of the load.
 */
function openLoop(
  targets: readonly Target[],
  requests: readonly BenchRequest[],
  routerCells: readonly string[],
  cells: ReadonlyMap<string, CellProcesses>,
  rate: number,
): Run {
  const addressed = (target: Target): AddressedRequest[] =>
    requests.map((request, index) => {
      if (target.name !== "direct") return { ...request, origin: target.url };
      const cell = cells.get(routerCells[index] ?? "");
      if (!cell) throw new Error(`no cell known for request ${index}`);
      const tenant = request.headers["x-user-id"] ?? "";
      return { ...request, origin: cell.apiUrl, signedFor: { cellKey: cell.cellKey, tenant } };
    });
  const byTarget = new Map(targets.map((target) => [target.name, addressed(target)]));
  const driver = new OpenLoopDriver();
  cleanups.push(() => driver.close());
  return (target, seconds) =>
    driver.run(byTarget.get(target.name) ?? [], { rate, seconds, expectStatus: EXPECT_STATUS });
}

async function main() {
  const { targets, requests, cellPids, cells, nginxVersion } = await setUp();
  log(
    `\nmachine: ${availableParallelism()} CPUs shared by the load generator, ${CELLS} cells (API + worker each), the router, nginx, Postgres, Redis and anything else running; load average ${loadAverage()}`,
  );
  log(`versions: node ${process.version}, ${nginxVersion} (1 worker, like the 1 router process)`);
  log(
    "request: GET /v1/resumes/<random uuid> with a valid token and x-user-id on all three, each reaching the cell with a router credential (the router and nginx make one per request, the load generator for direct); every cell answers 404",
  );
  log(`users: ${USERS}, each its own token; where they land:`);
  let routerCells: string[] = [];
  for (const target of targets) {
    const { summary, cells } = await spread(target, target.requests ?? requests);
    if (target.name === "router") routerCells = cells;
    log(`  ${target.label.padEnd(20)} ${summary}`);
  }

  const loaded = await measureClosed(targets, requests, cellPids, UNDER_LOAD);
  const rate = Math.max(1, Math.round(loaded.nginx.rps * RATE_SHARE_OF_NGINX));
  const atRate = await measure(
    targets.map((target) =>
      target.name === "direct" ? { ...target, label: "direct (user's cell)" } : target,
    ),
    cellPids,
    AT_RATE,
    `open loop, ${rate} req/s (${RATE_SHARE_OF_NGINX} × nginx's throughput above) on a fixed schedule, keep-alive connections opened as needed`,
    openLoop(targets, requests, routerCells, cells, rate),
  );
  const unloaded = await measureClosed(targets, requests, cellPids, UNLOADED);

  const ratio = loaded.router.rps / loaded.nginx.rps;
  const added = (phase: Record<TargetName, LoadResult>, via: TargetName) => phase[via].p99 - phase.direct.p99;
  const n = UNDER_LOAD.connections;
  log(`\nratios (load average now ${loadAverage()})`);
  log(
    `  router / nginx throughput, ${n} conn.:  ${fmt(ratio, 2).padStart(6)}      target ≥ ${TARGET_THROUGHPUT_RATIO}: ${verdict(ratio >= TARGET_THROUGHPUT_RATIO)}`,
  );
  for (const [phase, load] of [
    [loaded, `${String(n).padStart(2)} conn.`],
    [atRate, `${rate} req/s`],
    [unloaded, " 1 conn."],
  ] as const) {
    const extra = added(phase, "router");
    log(
      `  router − direct p99, ${`${load}:`.padEnd(14)} ${fmt(extra, 2).padStart(6)} ms   target < ${TARGET_ADDED_P99_MS} ms: ${verdict(extra < TARGET_ADDED_P99_MS)}   (nginx − direct: ${fmt(added(phase, "nginx"), 2)} ms)`,
    );
  }
}

try {
  await main();
} finally {
  await cleanUp();
}
