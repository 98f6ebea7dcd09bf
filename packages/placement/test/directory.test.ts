import { randomUUID } from "node:crypto";
import type postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDirectoryStore, type DirectoryStore, type HomeClaim, precedes } from "../src/index.ts";
import { type ControlPlaneDatabase, createControlPlaneDatabase } from "./support/database.ts";

let database: ControlPlaneDatabase;
let sql: postgres.Sql;
let directory: DirectoryStore;

beforeAll(async () => {
  database = await createControlPlaneDatabase();
  sql = database.connect();
  directory = createDirectoryStore(sql);
});
afterAll(async () => {
  await database?.drop();
});

const at = (iso: string) => new Date(iso);
const claim = (tenantKey: string, homeRegion: string, claimedAt: string, resident = false): HomeClaim => ({
  tenantKey,
  homeRegion,
  resident,
  claimedAt: at(claimedAt),
  source: "claim",
});
const registered = (tenant: string, region: string) => ({
  id: randomUUID(),
  type: "tenant.registered",
  tenant,
  cell: `${region}-2`,
  region,
  time: new Date().toISOString(),
});

describe("home claims", () => {
  it("orders claims by time, then by region name", () => {
    const early = claim("u", "us-east", "2026-01-01T00:00:00.000Z");
    const late = claim("u", "eu-central", "2026-01-01T00:00:00.001Z");
    expect([precedes(early, late), precedes(late, early)]).toEqual([true, false]);
    const tie = claim("u", "eu-central", "2026-01-01T00:00:00.000Z");
    expect([precedes(tie, early), precedes(early, tie), precedes(early, early)]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it("keeps the earliest claim, whichever arrives first", async () => {
    const later = await directory.offer(claim("ana", "us-east", "2026-01-01T00:00:01Z"));
    expect(later.homeRegion).toBe("us-east");
    const earlier = await directory.offer({
      ...claim("ana", "eu-central", "2026-01-01T00:00:00Z", true),
      source: "peer",
    });
    expect(earlier).toMatchObject({ homeRegion: "eu-central", resident: true, source: "peer", cellId: null });
    const latest = await directory.offer(claim("ana", "us-east", "2026-01-01T00:00:05Z"));
    expect(latest.homeRegion).toBe("eu-central");
    expect(await directory.find("ana")).toEqual(latest);
    expect(await directory.find("nobody")).toBeUndefined();
  });

  it("never moves a user whose data exists, even for an earlier claim", async () => {
    await directory.offer(claim("ben", "us-east", "2026-01-01T00:00:05Z"));
    expect(await directory.applyEvent(registered("ben", "us-east"))).toBe("applied");
    const offered = await directory.offer(claim("ben", "eu-central", "2026-01-01T00:00:00Z"));
    expect(offered).toMatchObject({ homeRegion: "us-east", cellId: "us-east-2" });
  });
});

describe("events of every region", () => {
  it("applies each event once, counts it by origin and type, and places a registered tenant", async () => {
    const event = registered("cleo", "eu-central");
    expect(await directory.applyEvent(event)).toBe("applied");
    expect(await directory.applyEvent(event)).toBe("duplicate");
    expect(await directory.applyEvent({ ...registered("cleo", "eu-central"), type: "job.created" })).toBe(
      "applied",
    );
    expect(await directory.find("cleo")).toMatchObject({
      homeRegion: "eu-central",
      cellId: "eu-central-2",
      source: "event",
    });
    const counts = await sql<{ event_type: string; count: string }[]>`
      select event_type, count from region_event_counts where origin_region = 'eu-central' order by 1`;
    expect(counts.map((row) => [row.event_type, Number(row.count)])).toEqual([
      ["job.created", 1],
      ["tenant.registered", 1],
    ]);
  });

  it("reports a registration in a region other than the user's home as a conflict and keeps the home", async () => {
    await directory.offer(claim("dov", "us-east", "2026-01-01T00:00:00Z"));
    expect(await directory.applyEvent(registered("dov", "eu-central"))).toBe("conflict");
    expect(await directory.find("dov")).toMatchObject({ homeRegion: "us-east", cellId: null });
  });
});
