import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type RoutedRegion, startRoutedRegion } from "@hireloop/testkit/routed-region";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sample } from "../runner/adapter/runtime.ts";
import { type AdapterBundle, bundleForAdapter, distDir, scenarioNames } from "../runner/bundle.ts";
import { judgeThresholds } from "../runner/thresholds.ts";
import { type IterationOutcome, VirtualUser } from "../runner/virtual-users.ts";

let region: RoutedRegion;
let bundle: AdapterBundle;
const workDir = join(distDir, `smoke-${process.pid}`);

beforeAll(async () => {
  mkdirSync(workDir, { recursive: true });
  [region, bundle] = await Promise.all([startRoutedRegion(2), bundleForAdapter(join(workDir, "bundle"))]);
}, 120_000);

afterAll(async () => {
  await region?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

/** Writes a tokens file (as make load-test does) for `uids`, VU n using the n-th. */
async function tokensFor(uids: string[]): Promise<string> {
  const path = join(workDir, `tokens-${uids.join("-")}.json`);
  const users = await Promise.all(uids.map(async (uid) => ({ uid, token: await region.region.token(uid) })));
  writeFileSync(path, JSON.stringify(users));
  return path;
}

async function startVus(scenario: string, count: number, env: Record<string, string>) {
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      VirtualUser.start(bundle, scenario, index + 1, { TARGET: region.router.url, ...env }),
    ),
  );
}

/** Everything the VUs recorded, after checking no iteration threw. */
function samplesOf(outcomes: IterationOutcome[]): Sample[] {
  for (const outcome of outcomes) expect(outcome.error).toBeUndefined();
  return outcomes.flatMap((outcome) => outcome.samples);
}

const failedChecks = (samples: Sample[]) =>
  samples.filter((s) => s.metric === "checks" && s.value === 0).map((s) => s.tags.check);
const valuesOf = (samples: Sample[], metric: string) =>
  samples.filter((s) => s.metric === metric).map((s) => s.value);

/** The scenario's thresholds that fail on `samples`; latency is judged by benches, not in a test. */
function brokenThresholds(vu: VirtualUser, samples: Sample[]) {
  const thresholds = (vu.options as { thresholds?: Record<string, string[]> }).thresholds ?? {};
  expect(Object.keys(thresholds).length).toBeGreaterThan(0);
  return judgeThresholds(thresholds, samples).filter(
    (verdict) => !verdict.ok && !verdict.metric.startsWith("http_req_duration"),
  );
}

function expectWholeJourney(samples: Sample[]) {
  expect(failedChecks(samples)).toEqual([]);
  expect(valuesOf(samples, "journeys_completed")).toEqual([1]);
  const steps = new Set(samples.filter((s) => s.metric === "group_duration").map((s) => s.tags.group));
  for (const step of ["sign in", "upload", "job", "match", "tailor", "download", "discovery", "roast"]) {
    expect(steps).toContain(`::${step}`);
  }
}

/** The scenarios whose failure the test stages itself; every other one runs as it is. */
const staged = ["cell-kill", "region-failover"];

describe.each(scenarioNames.filter((name) => !staged.includes(name)))("the %s scenario", (scenario) => {
  it("runs one whole journey against a routed region: every check passes, thresholds but latency hold", async () => {
    const [vu] = await startVus(scenario, 1, { TOKENS_FILE: await tokensFor([`load-${scenario}`]) });
    if (!vu) throw new Error("no VU");
    try {
      const samples = samplesOf([await vu.iterate(0, undefined)]);
      expectWholeJourney(samples);
      expect(brokenThresholds(vu, samples)).toEqual([]);
    } finally {
      await vu.stop();
    }
  }, 180_000);
});

describe("the cell-kill scenario", () => {
  it("with one cell stopped: its user gets a clear 503 cell_unavailable, the other user's journey completes", async () => {
    const cellOf = async (uid: string) => {
      const answer = await fetch(`${region.router.url}/v1/me`, {
        headers: { authorization: `Bearer ${await region.region.token(uid)}` },
      });
      return ((await answer.json()) as { cell: string }).cell;
    };
    const [kept, stopped] = region.region.cells;
    if (!kept || !stopped) throw new Error("the region has two cells");
    const candidates = Array.from({ length: 40 }, (_, index) => `load-cell-kill-${index}`);
    const homes = await Promise.all(candidates.map(async (uid) => ({ uid, cell: await cellOf(uid) })));
    const onKept = homes.find((home) => home.cell === kept.id)?.uid;
    const onStopped = homes.find((home) => home.cell === stopped.id)?.uid;
    if (!onKept || !onStopped) throw new Error("40 users all landed on one cell");
    const vus = await startVus("cell-kill", 2, {
      TOKENS_FILE: await tokensFor([onKept, onStopped]),
      STOPPED_CELL: stopped.id,
    });
    try {
      const setup = await (vus[0] as VirtualUser).setup();
      await stopped.processes.kill("api");
      const samples = samplesOf([
        setup,
        ...(await Promise.all(vus.map((vu, i) => vu.iterate(i, setup.result)))),
      ]);
      expect(failedChecks(samples)).toEqual([]);
      expect(valuesOf(samples, "journeys_completed")).toEqual([1]);
      expect(valuesOf(samples, "stopped_cell_clear_answers")).toEqual([1]);
      expect(samples.some((s) => s.metric === "http_reqs" && s.tags.status === "503")).toBe(true);
      expect(brokenThresholds(vus[0] as VirtualUser, samples)).toEqual([]);
    } finally {
      await Promise.all(vus.map((vu) => vu.stop()));
      await stopped.processes.start("api");
    }
  }, 180_000);
});

describe("the region-failover scenario", () => {
  it("when the entry router stops answering, the journey moves to the failover router and completes", async () => {
    const entry = await region.startRouter({});
    const [vu] = await startVus("region-failover", 1, {
      TARGET: entry.url,
      FAILOVER_TARGET: region.router.url,
      TOKENS_FILE: await tokensFor(["load-region-failover"]),
    });
    if (!vu) throw new Error("no VU");
    try {
      await entry.stop("SIGTERM");
      const samples = samplesOf([await vu.iterate(0, undefined)]);
      expectWholeJourney(samples);
      const failed = samples.filter((s) => s.metric === "http_reqs" && s.tags.status === "0");
      expect(failed.map((s) => s.tags.entry)).toEqual(["primary"]);
      expect(samples.filter((s) => s.metric === "journeys_completed").map((s) => s.tags.entry)).toEqual([
        "failover",
      ]);
      expect(brokenThresholds(vu, samples)).toEqual([]);
    } finally {
      await vu.stop();
    }
  }, 180_000);
});
