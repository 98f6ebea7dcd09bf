/**
 * npm run bench:journey — whole user journeys (load-tests' k6 journey: sign in, upload, job, match,
 * tailor, download, discovery, roast) arriving at a fixed rate, open loop, against a routed region
 * of the test platform (a real router and two cells, the shared services), through the k6 adapter:
 * for each rate, each step's latency and whether the ramp scenario's thresholds (the SLOs) hold;
 * then the highest rate at which they do. The peer is the same journey run by one user alone: each
 * step's p95 under load is shown as a ratio to its p95 unloaded.
 * JOURNEY_RATES (journeys/s, comma-separated), STEP_SECONDS and MAX_VUS change the run.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startRoutedRegion } from "@hireloop/testkit/routed-region";
import type { Sample } from "../runner/adapter/runtime.ts";
import { bundleForAdapter, distDir, loadTestsRoot } from "../runner/bundle.ts";
import { judgeThresholds, percentile } from "../runner/thresholds.ts";
import { VirtualUser } from "../runner/virtual-users.ts";
import { constantArrivalRate } from "./arrivals.ts";

const RATES = (process.env.JOURNEY_RATES ?? "0.25,0.5,1,2").split(",").map(Number);
const STEP_SECONDS = Number(process.env.STEP_SECONDS ?? 40);
const MAX_VUS = Number(process.env.MAX_VUS ?? 40);
const UNLOADED_JOURNEYS = 3;
const STEPS = ["sign in", "upload", "job", "match", "tailor", "download", "discovery", "roast"];

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits });

function stepP95(samples: readonly Sample[], step: string): number {
  const values = samples
    .filter((s) => s.metric === "group_duration" && s.tags.group === `::${step}`)
    .map((s) => s.value)
    .sort((a, b) => a - b);
  return percentile(values, 95);
}

const completedShare = (samples: readonly Sample[]) => {
  const values = samples.filter((s) => s.metric === "journeys_completed").map((s) => s.value);
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
};

execFileSync("npx", ["hireloop", "local", "up", "--profile", "test"], {
  cwd: join(loadTestsRoot, ".."),
  stdio: "ignore",
});
const workDir = join(distDir, `bench-${process.pid}`);
mkdirSync(workDir, { recursive: true });
const world = await startRoutedRegion(2, {
  // The journeys' polling and uploads are the load here, not the subject of the router's limits.
  routerEnv: { HL_RATE_LIMIT_USER_POINTS: "100000", HL_RATE_LIMIT_ADDRESS_POINTS: "100000" },
});
try {
  const bundle = await bundleForAdapter(join(workDir, "bundle"));
  const tokens = await Promise.all(
    Array.from({ length: MAX_VUS }, async (_, i) => ({
      uid: `bench-journey-${i + 1}`,
      token: await world.region.token(`bench-journey-${i + 1}`),
    })),
  );
  const tokensFile = join(workDir, "tokens.json");
  writeFileSync(tokensFile, JSON.stringify(tokens));
  const env = { TARGET: world.router.url, TOKENS_FILE: tokensFile };
  const vus = await Promise.all(
    Array.from({ length: MAX_VUS }, (_, i) => VirtualUser.start(bundle, "ramp", i + 1, env)),
  );
  const [first] = vus;
  if (!first) throw new Error("no VU started");
  const { thresholds } = first.options as { thresholds: Record<string, string[]> };

  // Every VU makes one journey first, untimed: the processes' first requests (code not yet
  // optimized, connections not yet open) are not the steps' cost, alone or under load.
  await Promise.all(vus.map((vu, i) => vu.iterate(i, undefined)));
  const alone: Sample[] = [];
  for (let i = 0; i < UNLOADED_JOURNEYS; i++)
    alone.push(...(await first.iterate(MAX_VUS + i, undefined)).samples);
  console.log(
    `Journeys on a routed region of the test platform (2 cells); peer: one user alone (${UNLOADED_JOURNEYS} journeys)\n`,
  );
  console.log(
    `${"journeys/s".padEnd(11)}${"started".padStart(8)}${"dropped".padStart(8)}${"done %".padStart(8)}  ${STEPS.map((s) => s.padStart(10)).join("")}  SLO`,
  );
  const row = (
    label: string,
    started: string,
    dropped: string,
    done: number,
    samples: readonly Sample[],
    verdict: string,
  ) =>
    console.log(
      `${label.padEnd(11)}${started.padStart(8)}${dropped.padStart(8)}${fmt(done * 100).padStart(8)}  ${STEPS.map((s) => fmt(stepP95(samples, s)).padStart(10)).join("")}  ${verdict}`,
    );
  row("alone", String(UNLOADED_JOURNEYS), "-", completedShare(alone), alone, "(p95 ms per step)");

  let sustainable: { rate: number; samples: Sample[] } | undefined;
  let iteration = MAX_VUS + UNLOADED_JOURNEYS;
  for (const rate of RATES) {
    const run = await constantArrivalRate(vus, { rate, seconds: STEP_SECONDS, firstIteration: iteration });
    iteration += run.started;
    const broken = judgeThresholds(thresholds, run.samples).filter((verdict) => !verdict.ok);
    const done = completedShare(run.samples);
    const holds = broken.length === 0 && run.dropped === 0 && run.errors.length === 0 && done >= 0.99;
    const verdict = holds
      ? "holds"
      : [
          ...broken.map((b) => `${b.metric} ${b.expression} (${fmt(b.value, 3)})`),
          ...(run.dropped ? [`${run.dropped} dropped`] : []),
          ...(run.errors.length
            ? [`${run.errors.length} iterations threw: ${run.errors[0]?.split("\n")[0]}`]
            : []),
        ].join("; ");
    row(fmt(rate, 2), String(run.started), String(run.dropped), done, run.samples, verdict);
    if (!holds) break;
    sustainable = { rate, samples: run.samples };
  }
  if (sustainable) {
    const loaded = sustainable.samples;
    console.log(`\nhighest sustainable rate at the SLO: ${fmt(sustainable.rate, 2)} journeys/s`);
    console.log(
      `p95 ratio at that rate to one user alone: ${STEPS.map((s) => `${s} ${fmt(stepP95(loaded, s) / stepP95(alone, s), 2)}`).join(", ")}`,
    );
  } else {
    console.log(`\nno rate tried held the SLO (lowest: ${RATES[0]} journeys/s)`);
  }
  await Promise.all(vus.map((vu) => vu.stop()));
} finally {
  await world.stop();
  rmSync(workDir, { recursive: true, force: true });
}
