import { randomBytes } from "node:crypto";
import { platformProcess } from "@hireloop/testkit/cell-processes";
import { signedIn } from "@hireloop/testkit/client";
import { testPlatform } from "@hireloop/testkit/platform";
import { readAllRecords } from "@hireloop/testkit/topics";
import {
  type RegionName,
  replicationDelaySeconds,
  startTwoRegions,
  type TwoRegions,
} from "@hireloop/testkit/two-regions";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { until } from "./support.ts";

/**
 * Failure drills of the two-region platform: MirrorMaker 2 stopped, one region's Kafka stopped, a
 * whole region stopped. After each, the events each region produced are compared, exactly and by
 * type, with what the other region's directory consumer applied (once each, by event id).
 */
let world: TwoRegions;
const run = randomBytes(4).toString("hex");
const JOB = { text: "Backend engineer: TypeScript, PostgreSQL and Kafka; five years of experience." };

beforeAll(async () => {
  world = await startTwoRegions();
}, 180_000);
afterAll(async () => {
  for (const name of ["us-east-kafka", "eu-central-kafka", "us-east-mirror", "eu-central-mirror"]) {
    await platformProcess("start", name);
  }
  await world?.stop();
}, 240_000);

const as = (region: RegionName, uid: string) => signedIn(world.regions[region].url, world.token, uid);

async function createJob(region: RegionName, uid: string) {
  const res = await as(region, uid)("/v1/jobs", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(JOB),
  });
  await res.body?.cancel();
  return {
    status: res.status,
    region: res.headers.get("x-hl-region"),
    retryAfter: res.headers.get("retry-after"),
  };
}

/** Events a region's cells produced (their outbox), by type, and how many are still unpublished. */
async function produced(region: RegionName) {
  const counts: Record<string, number> = {};
  let unpublished = 0;
  for (const cell of world.regions[region].cells.cells) {
    const sql = postgres(cell.processes.env.HL_DATABASE_URL ?? "", { max: 1, onnotice: () => {} });
    try {
      for (const row of await sql<{ type: string; n: number; pending: number }[]>`
        select envelope->>'type' as type, count(*)::int as n,
               count(*) filter (where published_at is null)::int as pending
        from outbox group by 1`) {
        counts[row.type] = (counts[row.type] ?? 0) + row.n;
        unpublished += row.pending;
      }
    } finally {
      await sql.end();
    }
  }
  return { counts, unpublished };
}

/** Events of `origin` that `region`'s directory consumer applied, by type. */
async function applied(region: RegionName, origin: RegionName): Promise<Record<string, number>> {
  const rows = await world.regions[region].controlPlane.sql<{ event_type: string; count: string }[]>`
    select event_type, count from region_event_counts where origin_region = ${origin}`;
  return Object.fromEntries(rows.map((row) => [row.event_type, Number(row.count)]));
}

/** Waits until both regions applied every event `origin` produced, once, and returns the figures. */
async function expectEveryEventOnce(origin: RegionName, timeoutMs = 120_000) {
  await until(async () => (await produced(origin)).unpublished === 0, timeoutMs);
  const { counts } = await produced(origin);
  const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const other: RegionName = origin === "us-east" ? "eu-central" : "us-east";
  for (const region of [origin, other]) {
    await until(async () => sum(await applied(region, origin)) >= total, timeoutMs);
    expect(await applied(region, origin)).toEqual(counts);
  }
  const brokers = testPlatform().regions[other]?.kafkaBrokers ?? [];
  const records = await readAllRecords(brokers, [`${origin}.${world.topic}`]);
  const distinct = new Set(records.map((record) => JSON.parse(record.value).id as string));
  expect(distinct.size).toBe(total);
  return { produced: total, mirroredRecords: records.length, applied: total };
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);

describe("drill: MirrorMaker 2 stops for a while", () => {
  it("delivers every event of the stopped flow once after restart; consumers drop the duplicates", async () => {
    const before = await produced("us-east");
    await platformProcess("stop", "eu-central-mirror");
    try {
      for (let i = 0; i < 6; i++) {
        expect(await createJob("us-east", `mm2-${run}-${i}`)).toMatchObject({
          status: 201,
          region: "us-east",
        });
      }
      await until(async () => (await produced("us-east")).unpublished === 0);
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      // Nothing crosses while the mirror is down: eu-central has not seen the new events, and its
      // router shows replication from us-east falling behind.
      expect(sum(await applied("eu-central", "us-east"))).toBeLessThanOrEqual(sum(before.counts));
      expect(await replicationDelaySeconds(world, "eu-central", "us-east")).toBeGreaterThan(2);
    } finally {
      await platformProcess("start", "eu-central-mirror");
    }
    const figures = await expectEveryEventOnce("us-east");
    await until(async () => (await replicationDelaySeconds(world, "eu-central", "us-east")) < 5);
    console.info(`mirror drill: ${JSON.stringify(figures)}`);
  });
});

describe("drill: one region's Kafka stops", () => {
  it("keeps accepting requests in that region (the outbox holds the events) and delivers all of them after restart", async () => {
    await platformProcess("stop", "eu-central-kafka");
    try {
      for (let i = 0; i < 6; i++) {
        expect(await createJob("eu-central", `kafka-${run}-${i}`)).toMatchObject({
          status: 201,
          region: "eu-central",
        });
      }
      // Through the other region's router as well: the hop does not need Kafka.
      expect(await createJob("us-east", `kafka-${run}-0`)).toMatchObject({
        status: 201,
        region: "eu-central",
      });
      expect((await produced("eu-central")).unpublished).toBeGreaterThan(0);
    } finally {
      await platformProcess("start", "eu-central-kafka");
    }
    const figures = await expectEveryEventOnce("eu-central");
    console.info(`kafka drill: ${JSON.stringify(figures)}`);
  });
});

describe("drill: a whole region stops", () => {
  it("serves the other region's users without errors; users homed in the stopped region get 503 region_unavailable", async () => {
    const eastUsers = Array.from({ length: 4 }, (_, i) => `east-${run}-${i}`);
    const centralUsers = Array.from({ length: 4 }, (_, i) => `central-${run}-${i}`);
    for (const uid of eastUsers) expect((await createJob("us-east", uid)).status).toBe(201);
    for (const uid of centralUsers) expect((await createJob("eu-central", uid)).status).toBe(201);

    const central = world.regions["eu-central"];
    await central.router.stop("SIGKILL");
    for (const cell of central.cells.cells) {
      await cell.processes.kill("api");
      await cell.processes.kill("worker");
    }
    await platformProcess("stop", "eu-central-mirror");
    await platformProcess("stop", "eu-central-kafka");
    const outcomes: Record<string, number> = {};
    try {
      const deadline = Date.now() + 8_000;
      while (Date.now() < deadline) {
        for (const uid of eastUsers) {
          const res = await createJob("us-east", uid);
          outcomes[`us-east user ${res.status}`] = (outcomes[`us-east user ${res.status}`] ?? 0) + 1;
        }
        for (const uid of centralUsers) {
          const res = await createJob("us-east", uid);
          const key = `eu-central user ${res.status}`;
          outcomes[key] = (outcomes[key] ?? 0) + 1;
          if (res.status !== 503) continue;
          expect(res.retryAfter).toMatch(/^\d+$/);
        }
      }
      const refused = await as("us-east", centralUsers[0] ?? "")("/v1/jobs");
      const central503 = { status: refused.status, body: await refused.json() };
      expect(central503).toMatchObject({ status: 503, body: { code: "region_unavailable" } });
      // A newcomer during the outage is homed where they arrive.
      expect(await createJob("us-east", `newcomer-${run}`)).toMatchObject({ status: 201, region: "us-east" });
    } finally {
      await platformProcess("start", "eu-central-kafka");
      await platformProcess("start", "eu-central-mirror");
      for (const cell of central.cells.cells) {
        await cell.processes.start("api");
        await cell.processes.start("worker");
      }
      await central.restartRouter();
    }
    console.info(`region drill: ${JSON.stringify(outcomes)}`);
    expect(
      Object.keys(outcomes)
        .filter((key) => key.startsWith("us-east user"))
        .sort(),
    ).toEqual(["us-east user 201"]);
    expect(outcomes["eu-central user 201"]).toBeUndefined();
    expect(outcomes["eu-central user 503"]).toBeGreaterThan(0);

    await until(async () => (await createJob("us-east", centralUsers[0] ?? "")).status === 201, 60_000);
    for (const origin of ["us-east", "eu-central"] as const) {
      const figures = await expectEveryEventOnce(origin);
      console.info(`region drill, events of ${origin}: ${JSON.stringify(figures)}`);
    }
  });
});
