import { parseEnvelope } from "@hireloop/events";
import { type CellProcesses, platformProcess } from "@hireloop/testkit/cell-processes";
import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTopic } from "../support/kafka.ts";
import { scalar } from "../support/sql.ts";
import { type RoutedCell, startRoutedCell, startTailorings, untilCount, waitAll } from "./support.ts";

let world: RoutedCell;
let cell: CellProcesses;
let sql: postgres.Sql;

beforeAll(async () => {
  world = await startRoutedCell();
  cell = world.cell;
  sql = postgres(world.databaseUrl, { max: 2, onnotice: () => {} });
});
afterAll(async () => {
  await platformProcess("start", "us-east-kafka");
  await sql?.end();
  await world?.stop();
});

describe("drill: Kafka stops while requests keep coming", () => {
  it("keeps accepting requests, then delivers every event once Kafka is back, each counted in usage once", async () => {
    const request = world.as("kafka-drill");
    await platformProcess("stop", "us-east-kafka");
    try {
      for (let i = 0; i < 5; i++) {
        const res = await request("/v1/resumes", json({ text: textFixture("resume.txt") }));
        expect(res.status).toBe(201);
      }
      const ids = await startTailorings(request, 4);
      expect(await waitAll(request, ids)).toEqual(ids.map(() => "succeeded"));
      const ready = await fetch(`${cell.adminUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect((await ready.json()).checks.kafka.ok).toBe(false);
      expect(
        await scalar(sql`select count(*)::int as n from outbox where published_at is null`),
      ).toBeGreaterThan(0);
      // Usage counts an event as the relay publishes it: none of those waiting for Kafka yet.
      expect(await scalar(sql`select coalesce(sum(count), 0)::int as n from usage_counters`)).toBe(
        await scalar(sql`select count(*)::int as n from outbox where published_at is not null`),
      );
    } finally {
      await platformProcess("start", "us-east-kafka");
    }

    await untilCount(
      "unpublished outbox events",
      () => scalar(sql`select count(*)::int as n from outbox where published_at is null`),
      0,
      120_000,
    );
    const produced = (await sql`select event_id from outbox`).map((r) => r.event_id as string);
    const messages = await readTopic(cell.env.HL_KAFKA_TOPIC ?? "", produced.length, 60_000);
    const delivered = messages.map((m) => parseEnvelope(m.value).id);
    expect(new Set(delivered)).toEqual(new Set(produced));

    // Counted in the transactions that marked them published: all of them, each once, with no wait.
    expect(await scalar(sql`select coalesce(sum(count), 0)::int as n from usage_counters`)).toBe(
      produced.length,
    );
    console.info(
      `kafka drill: produced ${produced.length} events, ${messages.length} messages on the topic, ${produced.length} counted once`,
    );
  });
});
