import { randomBytes } from "node:crypto";
import { signedIn } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { testPlatform } from "@hireloop/testkit/platform";
import { readAllRecords, sendRecords } from "@hireloop/testkit/topics";
import {
  type RegionName,
  replicationDelaySeconds,
  startTwoRegions,
  type TwoRegions,
} from "@hireloop/testkit/two-regions";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let world: TwoRegions;
const run = randomBytes(4).toString("hex");

beforeAll(async () => {
  world = await startTwoRegions();
}, 180_000);
afterAll(async () => {
  await world?.stop();
});

const as = (region: RegionName, uid: string) => signedIn(world.regions[region].url, world.token, uid);
const json = (body: unknown, method = "POST"): RequestInit => ({
  method,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

async function call(region: RegionName, uid: string, path: string, init: RequestInit = {}) {
  const res = await as(region, uid)(path, init);
  return {
    status: res.status,
    region: res.headers.get("x-hl-region"),
    cell: res.headers.get("x-hl-cell"),
    entry: res.headers.get("x-hl-entry-region"),
    body: await res.json(),
  };
}

const JOB = { text: "Backend engineer: TypeScript, PostgreSQL and Kafka; five years of experience." };

/** Rows of the tenant in every tenant-scoped table of a cell's database. */
async function rowsOf(databaseUrl: string, uid: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ table_name: string }[]>`
      select table_name from information_schema.columns
      where table_schema = 'public' and column_name = 'tenant_id'`;
    let total = 0;
    for (const { table_name } of tables) {
      const [row] = await sql.unsafe(`select count(*)::int as n from "${table_name}" where tenant_id = $1`, [
        uid,
      ]);
      total += Number(row?.n ?? 0);
    }
    return total;
  } finally {
    await sql.end();
  }
}

async function cellDatabases(region: RegionName): Promise<string[]> {
  return world.regions[region].cells.cells.map((cell) => cell.processes.env.HL_DATABASE_URL ?? "");
}

async function directoryEntry(region: RegionName, uid: string) {
  const [row] = await world.regions[region].controlPlane.sql<
    { home_region: string; cell_id: string | null; resident: boolean; source: string }[]
  >`select home_region, cell_id, resident, source from user_directory where tenant_key = ${uid}`;
  return row;
}

async function until<T>(probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("home regions", () => {
  for (const [home, other] of [
    ["eu-central", "us-east"],
    ["us-east", "eu-central"],
  ] as const) {
    it(`homes a user who signs up through ${home} there, and answers their ${other} requests with that data`, async () => {
      const uid = `${home}-signup-${run}`;
      const created = await call(home, uid, "/v1/jobs", json(JOB));
      expect(created).toMatchObject({ status: 201, region: home, cell: `${home}-1`, entry: null });

      const read = await call(other, uid, `/v1/jobs/${created.body.id}`);
      expect(read).toMatchObject({ status: 200, region: home, cell: `${home}-1`, entry: other });
      expect(read.body).toEqual(created.body);
      const second = await call(other, uid, "/v1/jobs", json(JOB));
      expect(second).toMatchObject({ status: 201, region: home, entry: other });
      expect(await call(other, uid, "/v1/home")).toMatchObject({
        status: 200,
        body: { homeRegion: home, resident: false, answeredBy: other },
      });

      for (const database of await cellDatabases(other)) expect(await rowsOf(database, uid)).toBe(0);
      let homeRows = 0;
      for (const database of await cellDatabases(home)) homeRows += await rowsOf(database, uid);
      expect(homeRows).toBeGreaterThan(0);
    });
  }

  it("learns of a new remote user from the mirrored events within seconds, past a record that is not an event", async () => {
    const uid = `remote-${run}`;
    // Keyed like the user's events, so it is mirrored to the same partition, in front of them.
    await sendRecords(testPlatform().regions["eu-central"]?.kafkaBrokers ?? [], world.topic, [
      { key: uid, value: "{not an event envelope" },
    ]);
    const started = Date.now();
    expect((await call("eu-central", uid, "/v1/jobs", json(JOB))).status).toBe(201);
    // The claim told us-east the home; only the mirrored tenant.registered event names the cell.
    const entry = await until(async () => {
      const row = await directoryEntry("us-east", uid);
      return row?.cell_id ? row : undefined;
    });
    const seconds = (Date.now() - started) / 1000;
    expect(entry).toMatchObject({ home_region: "eu-central", cell_id: "eu-central-1" });
    console.info(
      `regions: us-east's directory placed a new eu-central user on their cell after ${seconds} s`,
    );
    const [counted] = await world.regions["us-east"].controlPlane.sql<{ n: number }[]>`
      select coalesce(sum(count), 0)::int as n from region_event_counts where origin_region = 'eu-central'`;
    expect(counted?.n).toBeGreaterThan(0);
    // MirrorMaker 2's heartbeats show the link itself is current, with or without traffic.
    for (const [region, origin] of [
      ["us-east", "eu-central"],
      ["eu-central", "us-east"],
    ] as const) {
      await until(async () =>
        (await replicationDelaySeconds(world, region, origin)) < 5 ? true : undefined,
      );
    }
  });

  it("creates a user once when their first requests reach both regions at the same time", async () => {
    const uids = Array.from({ length: 8 }, (_, i) => `both-${run}-${i}`);
    await Promise.all(
      uids.map(async (uid) => {
        const [east, central] = await Promise.all([
          call("us-east", uid, "/v1/jobs", json(JOB)),
          call("eu-central", uid, "/v1/jobs", json(JOB)),
        ]);
        expect([east.status, central.status]).toEqual([201, 201]);
        expect(east.region).toBe(central.region);
      }),
    );
    for (const uid of uids) {
      const [east, central] = [await directoryEntry("us-east", uid), await directoryEntry("eu-central", uid)];
      expect(east?.home_region).toBeDefined();
      expect(central?.home_region).toBe(east?.home_region);
      const holders: string[] = [];
      for (const region of ["us-east", "eu-central"] as const) {
        for (const database of await cellDatabases(region)) {
          if ((await rowsOf(database, uid)) > 0) holders.push(region);
        }
      }
      expect(holders).toEqual([east?.home_region]);
    }
  });

  it("lets a new user choose their home region once", async () => {
    const uid = `chooser-${run}`;
    expect(await call("us-east", uid, "/v1/home", json({ region: "eu-central" }, "PUT"))).toMatchObject({
      status: 200,
      body: { homeRegion: "eu-central", resident: false },
    });
    expect(await call("us-east", uid, "/v1/home", json({ region: "eu-central" }, "PUT"))).toMatchObject({
      status: 200,
      region: "us-east",
    });
    // Answers of the router itself say which region answered, as cells' answers do.
    const anonymous = await fetch(`${world.regions["eu-central"].url}/v1/jobs`);
    expect([anonymous.status, anonymous.headers.get("x-hl-region")]).toEqual([401, "eu-central"]);
    expect(await call("eu-central", uid, "/v1/home", json({ region: "us-east" }, "PUT"))).toMatchObject({
      status: 409,
      region: "eu-central",
      body: { code: "already_homed" },
    });
    expect(await call("us-east", uid, "/v1/home", json({ region: "mars" }, "PUT"))).toMatchObject({
      status: 422,
      body: { code: "unknown_region" },
    });
    expect(await call("us-east", uid, "/v1/home", json({ place: "eu" }, "PUT"))).toMatchObject({
      status: 400,
      body: { code: "invalid_request" },
    });
  });
});

describe("residency", () => {
  it("keeps an EU-resident user's personal data in eu-central: none in us-east's databases, none in any mirrored record", async () => {
    const uid = `resident-${run}`;
    expect(
      await call("us-east", uid, "/v1/home", json({ region: "eu-central", resident: true }, "PUT")),
    ).toMatchObject({ status: 200, body: { homeRegion: "eu-central", resident: true } });
    const resume = await call("us-east", uid, "/v1/resumes", json({ text: textFixture("resume.txt") }));
    expect(resume).toMatchObject({ status: 201, region: "eu-central", entry: "us-east" });
    const job = await call("us-east", uid, "/v1/jobs", json(JOB));
    const match = await call(
      "us-east",
      uid,
      "/v1/matches",
      json({ resumeId: resume.body.id, jobId: job.body.id }),
    );
    expect(match.status).toBe(200);

    for (const database of await cellDatabases("us-east")) expect(await rowsOf(database, uid)).toBe(0);
    // Read every mirrored record there is, once this user's four events have crossed.
    const platform = testPlatform();
    const readMirrored = async () => [
      ...(await readAllRecords(platform.regions["us-east"]?.kafkaBrokers ?? [], [
        `eu-central.${world.topic}`,
      ])),
      ...(await readAllRecords(platform.regions["eu-central"]?.kafkaBrokers ?? [], [
        `us-east.${world.topic}`,
      ])),
    ];
    const expected = ["job.created", "match.scored", "resume.created", "tenant.registered"];
    const typesOf = (records: Awaited<ReturnType<typeof readMirrored>>) =>
      [
        ...new Set(records.filter((r) => r.key === uid).map((r) => JSON.parse(r.value).type as string)),
      ].sort();
    const mirrored = await until(async () => {
      const records = await readMirrored();
      return typesOf(records).join() === expected.join() ? records : undefined;
    }, 60_000);
    const personal = [
      "Dana",
      "Whitfield",
      "dana.whitfield@example.com",
      "415 555 0134",
      "San Francisco",
      "payment and data platforms",
    ];
    for (const record of mirrored) {
      const text = `${record.key} ${record.value} ${JSON.stringify(record.headers)}`;
      for (const fragment of personal) expect(text).not.toContain(fragment);
    }
    console.info(`residency: ${mirrored.length} mirrored records read, none carries personal data`);
  });
});

describe("peer endpoints", () => {
  it("take claims and hops only from routers holding the regions' secret", async () => {
    const url = world.regions["us-east"].url;
    const claimBody = JSON.stringify({
      tenantKey: `intruder-${run}`,
      homeRegion: "eu-central",
      resident: false,
      claimedAt: new Date().toISOString(),
      source: "claim",
    });
    const post = (headers: Record<string, string>) =>
      fetch(`${url}/internal/v1/home-claims`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: claimBody,
      });
    const attempts: Record<string, string>[] = [
      {},
      { "x-hl-peer-secret": "0".repeat(64), "x-hl-peer-region": "eu-central" },
      { "x-hl-peer-secret": "short", "x-hl-peer-region": "eu-central" },
    ];
    for (const headers of attempts) {
      const res = await post(headers);
      expect([res.status, (await res.json()).code]).toEqual([403, "peer_refused"]);
    }
    expect(await directoryEntry("us-east", `intruder-${run}`)).toBeUndefined();

    // A caller forging a hop to be served where they do not live is refused too.
    const forged = await as("us-east", `eu-central-signup-${run}`)("/v1/home", {
      headers: { "x-hl-peer-secret": "0".repeat(64), "x-hl-peer-region": "eu-central" },
    });
    expect([forged.status, (await forged.json()).code]).toEqual([403, "peer_refused"]);
  });
});
