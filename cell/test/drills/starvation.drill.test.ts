import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../../../router/test/support/client.ts";
import { type RoutedRegion, startRoutedRegion } from "../../../router/test/support/routed-region.ts";
import { json } from "../support/cell.ts";
import { cellFixture } from "../support/fixtures.ts";

/**
 * One tenant sends the heaviest request of every kind the cell takes, all at once, round after
 * round, through the router; another tenant of the same cell keeps reading. The reader must never
 * see a 503 and its p99 must stay within twice its quiet p99; the cell's health must answer within
 * 50 ms throughout.
 */
const ATTACK_SECONDS = 15;
const READS = 300;
const HEALTH_LIMIT_MS = 50;

let world: RoutedRegion;

beforeAll(async () => {
  world = await startRoutedRegion(1);
});
afterAll(async () => {
  await world?.stop();
});

const sender = fileURLToPath(new URL("./heavy-sender.ts", import.meta.url));

/** Starts the attacker (heavy-sender.ts) as its own process; resolves to its answers by kind and status. */
function startHeavySender(token: string): Promise<Record<string, Record<string, number>>> {
  const child = spawn(process.execPath, ["--import", "tsx", sender], {
    env: {
      ...process.env,
      HL_ROUTER_URL: world.router.url,
      HL_TOKEN: token,
      HL_SECONDS: String(ATTACK_SECONDS),
      ...(process.env.HL_DRILL_ONLY ? { HL_ONLY: process.env.HL_DRILL_ONLY } : {}),
    },
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
        : reject(new Error(`the sender exited with ${code}`)),
    );
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timedReads(read: () => Promise<Response>, count: number) {
  const latencies: number[] = [];
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await read();
    await res.arrayBuffer();
    latencies.push(performance.now() - started);
    statuses.push(res.status);
  }
  return { p99: percentile(latencies, 99), p50: percentile(latencies, 50), statuses };
}

describe("drill: one tenant's heaviest requests against another tenant's reads", () => {
  it("keeps the other tenant served: no 503, p99 within 2× quiet, the cell's health within 50 ms", async () => {
    const cell = world.region.cells[0]?.processes;
    if (!cell) throw new Error("the region has no cell");
    const reader = signedIn(world.router.url, world.region.token, "quiet-reader");
    const job = await (await reader("/v1/jobs", json({ text: cellFixture("job-backend.txt") }))).json();
    const read = () => reader(`/v1/jobs/${job.id}`);
    await timedReads(read, 50);
    const quiet = await timedReads(read, READS);

    const attack = startHeavySender(await world.region.token("heavy-sender"));
    let attacking = true;
    const healthLatencies: number[] = [];
    const probing = (async () => {
      while (attacking) {
        const started = performance.now();
        await (await fetch(`${cell.apiUrl}/healthz`)).arrayBuffer();
        healthLatencies.push(performance.now() - started);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    // The sender makes its payloads first; the reads start once its requests are arriving.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const underAttack = await timedReads(read, READS);
    const attackStatuses = await attack;
    attacking = false;
    await probing;

    // prom-client's event-loop delay of the cell's API process, over its life: the worst so far.
    const metrics = await (await fetch(`${cell.adminUrl}/metrics`)).text();
    const loopDelayMs = (name: string) =>
      Number(new RegExp(`^${name}\\{[^}]*\\} ([0-9.e-]+)$`, "m").exec(metrics)?.[1]) * 1000;
    const summary = {
      quiet: { p50: quiet.p50.toFixed(1), p99: quiet.p99.toFixed(1) },
      underAttack: { p50: underAttack.p50.toFixed(1), p99: underAttack.p99.toFixed(1) },
      health: {
        p99: percentile(healthLatencies, 99).toFixed(1),
        max: Math.max(...healthLatencies).toFixed(1),
      },
      eventLoopDelay: {
        p99: loopDelayMs("nodejs_eventloop_lag_p99_seconds").toFixed(1),
        max: loopDelayMs("nodejs_eventloop_lag_max_seconds").toFixed(1),
      },
      attack: attackStatuses,
    };
    console.log(`starvation drill (ms): ${JSON.stringify(summary)}`);

    expect(underAttack.statuses.filter((status) => status !== 200)).toEqual([]);
    expect(Math.max(...healthLatencies)).toBeLessThan(HEALTH_LIMIT_MS);
    expect(underAttack.p99).toBeLessThanOrEqual(2 * quiet.p99);
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
