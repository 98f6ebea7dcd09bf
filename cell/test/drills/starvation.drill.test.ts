import { json, signedIn } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { type RoutedRegion, startRoutedRegion } from "@hireloop/testkit/routed-region";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDrillProcess } from "./support.ts";

/**
 * One tenant sends the heaviest request of every kind the cell takes, all at once, then each kind
 * again as fast as the platform lets it (the router's upload budget and the cell's per-tenant
 * compute limit answer 429 past their share), through the router; another tenant of the same
 * cell keeps reading. The reader must never see anything but 200 and its p99 must stay within
 * twice its quiet p99; the cell's health must answer within 50 ms at p99 and always well inside
 * the router's health-check timeout, so the router never takes the cell out. The quiet p99 is
 * taken over reads before and after the attack, so that a change in the machine's own load
 * during the drill is not counted for or against the cell. What the attack costs the machine
 * itself (the router, Postgres and the cell's processes share 2 cores) is not the cell's either:
 * the same probes are sent to a process the attack gives no work, quiet and under attack, and the
 * reader's limit is twice quiet times that process's own slowdown, never more than three times. A measurement that misses a target is
 * made once more, and the second decides: starvation misses every time, the machine's scheduling
 * noise seldom twice in a row. Anything but 200 for the reader, and any 5xx for the sender, fails
 * at once. Every health answer within 50 ms is
 * printed as a target with every run, beside the answers of an idle process to the same probes:
 * on a 2-core machine shared by some 30 processes a single slow answer is the machine's
 * (docs/adr/0017-no-request-starves-a-cell.md).
 */
/**
 * The attack lasts until every read and probe under attack has been sent (the test stops it then),
 * and at most this long: 2,000 reads at a busy CI machine's 7–12 ms each take 14–24 s after the
 * sender's 4 s start. An attack that ended on its own before the reads fails the drill.
 */
const ATTACK_SECONDS = 60;
/** The cell's health is asked from 4 s into the attack until shortly before its end. */
const HEALTH_SECONDS = 12;
/** A p99 over 2,000 reads is the 20th-worst, not one scheduler hiccup on a 2-core machine. */
const READS = 2_000;
/** Half the router's cell health-check timeout (HL_CELL_HEALTH_TIMEOUT_MS, 500 ms). */
const HEALTH_LIMIT_MS = 250;
/** The other tenant's p99 under attack, at most this many times its quiet p99 … */
const P99_LIMIT_RATIO = 2;
/** … times the machine's own slowdown under attack (an idle process's p99 ratio), at most this. */
const MACHINE_SLOWDOWN_CAP = 1.5;
/** How long the idle process is probed while each batch of quiet reads runs. */
const QUIET_PROBE_SECONDS = 3;
const HEALTH_TARGET_MS = 50;

let world: RoutedRegion;

beforeAll(async () => {
  // The reader sends some 4,000 reads a minute, twice over when a measurement is made again, all
  // from the one address every process here shares: the router's request limits are not the subject.
  world = await startRoutedRegion(1, {
    routerEnv: { HL_RATE_LIMIT_USER_POINTS: "100000", HL_RATE_LIMIT_ADDRESS_POINTS: "100000" },
  });
});
afterAll(async () => {
  await world?.stop();
});

/** The attacker (heavy-sender.ts); resolves to its answers by kind and status. */
function startHeavySender(token: string) {
  return runDrillProcess<Record<string, Record<string, number>>>("./heavy-sender.ts", {
    HL_ROUTER_URL: world.router.url,
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
    HL_ROUTER_URL: world.router.url,
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

/** The cell behind the router, and a reader of the same cell with a job of its own. */
interface Scene {
  cell: { apiUrl: string; workerUrl: string; adminUrl: string };
  readerToken: string;
  path: string;
}

/**
 * One attack and its measurement: the reader's quiet reads before, its reads and the health probes
 * while the sender attacks, its quiet reads after. Returns what was seen, what must hold in every
 * measurement, and which targets were missed.
 */
async function attackAndMeasure({ cell, readerToken, path }: Scene) {
  const idleProbe = () => timedHealth(`${cell.workerUrl}/healthz`, QUIET_PROBE_SECONDS);
  const [quietBefore, idleBefore] = await Promise.all([
    timedReads(readerToken, path, READS / 2),
    idleProbe(),
  ]);
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
  attack.stop();
  const attackStatuses = await attack;
  // What the sender's last requests left behind (a file still being parsed) is done by now.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const [quietAfter, idleAfter] = await Promise.all([timedReads(readerToken, path, READS / 2), idleProbe()]);
  const quiet = [...quietBefore.latencies, ...quietAfter.latencies];
  const [quietP99, attackP99] = [percentile(quiet, 99), percentile(underAttack.latencies, 99)];
  const idleQuietP99 = percentile([...idleBefore.latencies, ...idleAfter.latencies], 99);
  const machineSlowdown = Math.min(
    MACHINE_SLOWDOWN_CAP,
    Math.max(1, percentile(idleHealth, 99) / idleQuietP99),
  );
  const p99Limit = P99_LIMIT_RATIO * machineSlowdown;

  // prom-client's event-loop delay of the cell's API process, over its life: the worst so far.
  const metrics = await (await fetch(`${cell.adminUrl}/metrics`)).text();
  const loopDelayMs = (name: string) =>
    Number(new RegExp(`^${name}\\{[^}]*\\} ([0-9.e-]+)$`, "m").exec(metrics)?.[1]) * 1000;
  const figures = {
    quiet: {
      p50: percentile(quiet, 50).toFixed(1),
      p99: quietP99.toFixed(1),
      p99Before: percentile(quietBefore.latencies, 99).toFixed(1),
      p99After: percentile(quietAfter.latencies, 99).toFixed(1),
    },
    underAttack: { p50: percentile(underAttack.latencies, 50).toFixed(1), p99: attackP99.toFixed(1) },
    p99Ratio: (attackP99 / quietP99).toFixed(2),
    p99Limit: p99Limit.toFixed(2),
    health: {
      probes: health.length,
      p99: percentile(health, 99).toFixed(1),
      max: Math.max(...health).toFixed(1),
    },
    idleProcessHealth: {
      quietP99: idleQuietP99.toFixed(1),
      p99: percentile(idleHealth, 99).toFixed(1),
      max: Math.max(...idleHealth).toFixed(1),
    },
    eventLoopDelay: {
      p99: loopDelayMs("nodejs_eventloop_lag_p99_seconds").toFixed(1),
      max: loopDelayMs("nodejs_eventloop_lag_max_seconds").toFixed(1),
    },
    attack: attackStatuses,
    everyHealthAnswerWithin50ms: Math.max(...health) < HEALTH_TARGET_MS,
  };
  const missed = [
    ...(attackP99 > p99Limit * quietP99
      ? [`reader p99 ${figures.p99Ratio}× quiet (limit ${figures.p99Limit}×)`]
      : []),
    ...(percentile(health, 99) >= HEALTH_TARGET_MS ? [`/healthz p99 ${figures.health.p99} ms`] : []),
    ...(Math.max(...health) >= HEALTH_LIMIT_MS ? [`a /healthz answer took ${figures.health.max} ms`] : []),
  ];
  return { figures, missed, attackOutlasted, readerStatuses: underAttack.statuses, probes: health.length };
}

/** What holds in every measurement, however busy the machine: nothing a scheduler's noise explains. */
function expectServed(measured: Awaited<ReturnType<typeof attackAndMeasure>>) {
  expect(measured.attackOutlasted, "every read and probe under attack was sent while the attack lasted").toBe(
    true,
  );
  expect(measured.readerStatuses.filter((status) => status !== 200)).toEqual([]);
  expect(measured.probes).toBeGreaterThan(10);
  // Every kind was served at least once, and nothing the sender sent failed as a server error.
  for (const [kind, seen] of Object.entries(measured.figures.attack)) {
    expect(
      Object.keys(seen).filter((status) => Number(status) >= 500),
      kind,
    ).toEqual([]);
    expect(
      Object.keys(seen).some((status) => Number(status) < 429),
      kind,
    ).toBe(true);
  }
}

describe("drill: one tenant's heaviest requests against another tenant's reads", () => {
  it("keeps the other tenant served: only 200s, p99 within 2× quiet (times the machine's own slowdown), the cell's health within 50 ms at p99", async () => {
    const cell = world.region.cells[0]?.processes;
    if (!cell) throw new Error("the region has no cell");
    const readerToken = await world.region.token("quiet-reader");
    const reader = signedIn(world.router.url, world.region.token, "quiet-reader");
    const job = await (await reader("/v1/jobs", json({ text: textFixture("job-backend.txt") }))).json();
    const scene = { cell, readerToken, path: `/v1/jobs/${job.id}` };
    await timedReads(readerToken, scene.path, 50);

    let measured = await attackAndMeasure(scene);
    console.log(`starvation drill (ms): ${JSON.stringify(measured.figures)}`);
    expectServed(measured);
    if (measured.missed.length > 0) {
      // A cell starved by one tenant misses its targets every time; a 2-core machine's own
      // scheduling made about one measurement in ten miss one. A miss is measured again to tell them apart.
      console.log(`starvation drill: missed ${measured.missed.join(", ")}; measuring again`);
      measured = await attackAndMeasure(scene);
      console.log(`starvation drill, again (ms): ${JSON.stringify(measured.figures)}`);
      expectServed(measured);
    }
    expect(measured.missed).toEqual([]);
  });
});
