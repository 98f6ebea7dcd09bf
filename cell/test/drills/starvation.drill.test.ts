import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../../../router/test/support/client.ts";
import { type RoutedRegion, startRoutedRegion } from "../../../router/test/support/routed-region.ts";
import { json } from "../support/cell.ts";
import { cellFixture } from "../support/fixtures.ts";

/**
 * One tenant sends the heaviest request of every kind the cell takes, all at once, then each kind
 * again as fast as the platform lets it (the router's upload budget and the cell's per-tenant
 * compute limit answer 429 past their share), through the router; another tenant of the same
 * cell keeps reading. The reader must never see anything but 200, its p99 must stay within three
 * times its quiet p99, the cell's health must answer within 50 ms at p99 and always well inside
 * the router's health-check timeout, so the router never takes the cell out. The targets (p99
 * within twice quiet, every health answer within 50 ms) are printed with every run: on a 2-core
 * machine shared by some 30 processes they hold in most runs, not all; an idle process's health
 * answers are measured beside the cell's to show the machine's own share
 * (docs/adr/0017-no-request-starves-a-cell.md).
 */
/** Long enough that every read and probe under attack is sent while the attack lasts (checked below). */
const ATTACK_SECONDS = 18;
/** The cell's health is asked from 4 s into the attack until shortly before its end. */
const HEALTH_SECONDS = 12;
/** A p99 over 1,000 reads is the 10th-worst, not one scheduler hiccup on a 2-core machine. */
const READS = 1_000;
/** Half the router's cell health-check timeout (HL_CELL_HEALTH_TIMEOUT_MS, 500 ms). */
const HEALTH_LIMIT_MS = 250;
/** Measured 1.2-2.2x across runs on a 2-core machine; before the fixes one request took the cell down for minutes. */
const P99_LIMIT_RATIO = 3;
const TARGETS = { healthMs: 50, p99Ratio: 2 };

let world: RoutedRegion;

beforeAll(async () => {
  // The reader sends 2,000 reads in well under a minute; the router's per-user limit is not the subject.
  world = await startRoutedRegion(1, { routerEnv: { HL_RATE_LIMIT_USER_POINTS: "100000" } });
});
afterAll(async () => {
  await world?.stop();
});

/** Runs one of the drill's own processes (a .ts file beside this one); resolves to its last line, parsed. */
function runDrillProcess<T>(file: string, env: Record<string, string>): Promise<T> {
  const child = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL(file, import.meta.url))], {
    env: { ...process.env, HL_ROUTER_URL: world.router.url, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(JSON.parse(output.trim().split("\n").at(-1) ?? "{}"))
        : reject(new Error(`${file} exited with ${code}`)),
    );
  });
}

/** The attacker (heavy-sender.ts); resolves to its answers by kind and status. */
function startHeavySender(token: string) {
  return runDrillProcess<Record<string, Record<string, number>>>("./heavy-sender.ts", {
    HL_TOKEN: token,
    HL_SECONDS: String(ATTACK_SECONDS),
    ...(process.env.HL_DRILL_ONLY ? { HL_ONLY: process.env.HL_DRILL_ONLY } : {}),
  });
}

interface Timings {
  latencies: number[];
  statuses: number[];
}

/** The other tenant's reads, one after another (timed-reader.ts). */
function timedReads(token: string, path: string, count: number): Promise<Timings> {
  return runDrillProcess<Timings>("./timed-reader.ts", {
    HL_TOKEN: token,
    HL_PATH: path,
    HL_READS: String(count),
  });
}

/** The cell's /healthz asked every 50 ms for a while, as a prober would (timed-reader.ts). */
function timedHealth(url: string, seconds: number): Promise<Timings> {
  return runDrillProcess<Timings>("./timed-reader.ts", { HL_HEALTH_URL: url, HL_SECONDS: String(seconds) });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

describe("drill: one tenant's heaviest requests against another tenant's reads", () => {
  it("keeps the other tenant served: only 200s, p99 within 3× quiet, the cell's health within 50 ms at p99", async () => {
    const cell = world.region.cells[0]?.processes;
    if (!cell) throw new Error("the region has no cell");
    const readerToken = await world.region.token("quiet-reader");
    const reader = signedIn(world.router.url, world.region.token, "quiet-reader");
    const job = await (await reader("/v1/jobs", json({ text: cellFixture("job-backend.txt") }))).json();
    const path = `/v1/jobs/${job.id}`;
    await timedReads(readerToken, path, 50);
    const quiet = await timedReads(readerToken, path, READS);

    const attack = startHeavySender(await world.region.token("heavy-sender"));
    let senderDone = false;
    const done = () => {
      senderDone = true;
    };
    attack.then(done, done);
    // The sender makes its payloads first; the reads start once its requests are arriving.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const probing = timedHealth(`${cell.apiUrl}/healthz`, HEALTH_SECONDS);
    // The same probes to a process the attack gives no work (the cell's worker): the machine's own
    // scheduling noise, beside which the API's figures are read.
    const probingIdle = timedHealth(`${cell.workerUrl}/healthz`, HEALTH_SECONDS);
    const underAttack = await timedReads(readerToken, path, READS);
    const health = (await probing).latencies;
    const idleHealth = (await probingIdle).latencies;
    const attackOutlasted = !senderDone;
    const attackStatuses = await attack;
    const [quietP99, attackP99] = [percentile(quiet.latencies, 99), percentile(underAttack.latencies, 99)];

    // prom-client's event-loop delay of the cell's API process, over its life: the worst so far.
    const metrics = await (await fetch(`${cell.adminUrl}/metrics`)).text();
    const loopDelayMs = (name: string) =>
      Number(new RegExp(`^${name}\\{[^}]*\\} ([0-9.e-]+)$`, "m").exec(metrics)?.[1]) * 1000;
    const summary = {
      quiet: { p50: percentile(quiet.latencies, 50).toFixed(1), p99: quietP99.toFixed(1) },
      underAttack: { p50: percentile(underAttack.latencies, 50).toFixed(1), p99: attackP99.toFixed(1) },
      health: {
        probes: health.length,
        p99: percentile(health, 99).toFixed(1),
        max: Math.max(...health).toFixed(1),
      },
      idleProcessHealth: {
        p99: percentile(idleHealth, 99).toFixed(1),
        max: Math.max(...idleHealth).toFixed(1),
      },
      eventLoopDelay: {
        p99: loopDelayMs("nodejs_eventloop_lag_p99_seconds").toFixed(1),
        max: loopDelayMs("nodejs_eventloop_lag_max_seconds").toFixed(1),
      },
      attack: attackStatuses,
      targets: {
        healthWithin50ms: Math.max(...health) < TARGETS.healthMs,
        p99WithinTwiceQuiet: attackP99 <= TARGETS.p99Ratio * quietP99,
      },
    };
    console.log(`starvation drill (ms): ${JSON.stringify(summary)}`);

    expect(attackOutlasted, "every read and probe under attack was sent while the attack lasted").toBe(true);
    expect(underAttack.statuses.filter((status) => status !== 200)).toEqual([]);
    expect(health.length).toBeGreaterThan(10);
    expect(percentile(health, 99)).toBeLessThan(TARGETS.healthMs);
    expect(Math.max(...health)).toBeLessThan(HEALTH_LIMIT_MS);
    expect(attackP99).toBeLessThanOrEqual(P99_LIMIT_RATIO * quietP99);
    // Every kind was served at least once, and nothing the sender sent failed as a server error.
    for (const [kind, seen] of Object.entries(attackStatuses)) {
      expect(
        Object.keys(seen).filter((status) => Number(status) >= 500),
        kind,
      ).toEqual([]);
      expect(
        Object.keys(seen).some((status) => Number(status) < 429),
        kind,
      ).toBe(true);
    }
  });
});
