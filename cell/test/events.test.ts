import { parseEnvelope } from "@hireloop/events";
import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { describe, expect, it } from "vitest";
import { announceTenants } from "../src/tenancy/announce.ts";
import { useTestCell, waitForWorkflow } from "./support/cell.ts";
import { readTopic } from "./support/kafka.ts";
import { resumeAndJob } from "./support/requests.ts";
import { scalar } from "./support/sql.ts";

const cell = useTestCell();

async function until(check: () => Promise<boolean>, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("events", () => {
  it("relays the outbox to Kafka keyed by tenant, with ids and metadata only", async () => {
    const request = cell.as("dana");
    const { resume, job } = await resumeAndJob(request);
    const { workflowId } = await (
      await request("/v1/tailorings", json({ resumeId: resume.id, jobId: job.id }))
    ).json();
    await waitForWorkflow(request, workflowId);
    const { sql } = cell.deps;
    await until(
      async () => (await scalar(sql`select count(*)::int as n from outbox where published_at is null`)) === 0,
    );

    const outboxIds = (await sql`select event_id from outbox order by seq`).map((r) => r.event_id as string);
    const messages = await readTopic(cell.config.kafkaTopic, outboxIds.length);
    const envelopes = messages.map((m) => parseEnvelope(m.value));
    expect(new Set(envelopes.map((e) => e.id))).toEqual(new Set(outboxIds));
    expect(messages.every((m) => m.key === "dana")).toBe(true);
    for (const message of messages) {
      const envelope = parseEnvelope(message.value);
      expect(message.headers).toMatchObject({ "hl-event-id": envelope.id, "hl-event-type": envelope.type });
      // The relay's publish span: the trace of the span that recorded the event, a span of its own.
      const [, recordedTrace, recordedSpan] = envelope.traceContext.traceparent?.split("-") ?? [];
      const [, sentTrace, sentSpan] = String(message.headers.traceparent).split("-");
      expect([sentTrace, sentSpan === recordedSpan]).toEqual([recordedTrace, false]);
    }
    expect(envelopes.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        "resume.created",
        "job.created",
        "workflow.started",
        "workflow.succeeded",
        "tailoring.completed",
      ]),
    );
    for (const envelope of envelopes) {
      expect(envelope).toMatchObject({
        tenant: "dana",
        cell: "us-east-1",
        region: "us-east",
        schemaVersion: 1,
      });
      expect(envelope.traceContext.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$/);
    }
    const wire = messages.map((m) => m.value).join("\n");
    for (const secret of [
      "Dana Whitfield",
      "dana.whitfield@example.com",
      "555 0134",
      "Ledgerly",
      "billing pipeline",
    ]) {
      expect(wire).not.toContain(secret);
    }
  });

  it("carries the caller's trace from the HTTP request through the job queue into the events", async () => {
    const request = cell.as("tracer");
    const traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    const { resume, job } = await resumeAndJob(request);
    const started = await request("/v1/tailorings", {
      ...json({ resumeId: resume.id, jobId: job.id }),
      headers: { "content-type": "application/json", traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    });
    const { workflowId } = await started.json();
    await waitForWorkflow(request, workflowId);
    const rows = await cell.deps.sql`
      select envelope from outbox where envelope->'data'->>'workflowId' = ${workflowId}`;
    const types = rows.map((r) => r.envelope.type);
    expect(types).toEqual(
      expect.arrayContaining(["workflow.started", "workflow.step_completed", "workflow.succeeded"]),
    );
    for (const row of rows) expect(row.envelope.traceContext.traceparent).toContain(traceId);
  });

  it("counts each event in usage once, even when the relay sends a batch again after failing to mark it", async () => {
    const { sql } = cell.deps;
    const unpublished = () => scalar(sql`select count(*)::int as n from outbox where published_at is null`);
    const counted = () => sql`select tenant_id, event_type, count from usage_counters order by 1, 2`;
    await until(async () => (await unpublished()) === 0);
    expect(await scalar(sql`select coalesce(sum(count), 0)::int as n from usage_counters`)).toBe(
      await scalar(sql`select count(*)::int as n from outbox`),
    );
    const before = await counted();

    // The relay's next mark fails once, after its batch reached Kafka: as a relay that crashed
    // between the two would. A sequence counts the marks, since a refused one rolls back.
    await sql.unsafe(`
      create sequence outbox_marks;
      create function refuse_first_mark() returns trigger language plpgsql as $$
      begin
        if nextval('outbox_marks') = 1 then raise exception 'the first mark is refused'; end if;
        return null;
      end $$;
      create trigger refuse_first_mark before update on outbox
        for each statement execute function refuse_first_mark();`);
    try {
      const request = cell.as("frank");
      expect((await request("/v1/jobs", json({ text: textFixture("job-backend.txt") }))).status).toBe(201);
      await until(async () => (await unpublished()) === 0);
      expect(await scalar(sql`select last_value::int as n from outbox_marks`)).toBeGreaterThan(1);
    } finally {
      await sql.unsafe(`
        drop trigger refuse_first_mark on outbox;
        drop function refuse_first_mark();
        drop sequence outbox_marks;`);
    }
    const frank = await sql`select event_id, envelope->>'type' as type from outbox where key = 'frank'`;
    const frankIds = frank.map((row) => row.event_id as string);
    const total = await scalar(sql`select count(*)::int as n from outbox`);
    const sent = (await readTopic(cell.config.kafkaTopic, total + frank.length))
      .map((m) => parseEnvelope(m.value).id)
      .filter((id) => frankIds.includes(id));
    // Kafka got the refused batch and its resend; usage counted each event once.
    expect(sent.length).toBe(frank.length * 2);
    expect(new Set(sent)).toEqual(new Set(frankIds));
    const sorted = (rows: readonly object[]) => rows.map((row) => JSON.stringify(row)).sort();
    const frankCounts = [...new Set(frank.map((row) => row.type as string))].map((type) => ({
      tenant_id: "frank",
      event_type: type,
      count: frank.filter((row) => row.type === type).length,
    }));
    expect(sorted(await counted())).toEqual(sorted([...before, ...frankCounts]));
  });
});

describe("tenant announcements", () => {
  it("records tenant.registered with a tenant's first write, and once for tenants registered before the event existed", async () => {
    const { sql } = cell.deps;
    const registered = async (uid: string) =>
      scalar(
        sql`select count(*)::int as n from outbox where key = ${uid} and envelope->>'type' = 'tenant.registered'`,
      );
    await cell.as("newcomer")("/v1/jobs", json({ text: textFixture("job-backend.txt") }));
    await cell.as("newcomer")("/v1/jobs", json({ text: textFixture("job-backend.txt") }));
    expect(await registered("newcomer")).toBe(1);

    // As a cell upgraded from before the event: tenants with no announcement.
    await sql`insert into tenants (tenant_id, created_at) values ('veteran-1', now() - interval '1 year'), ('veteran-2', now())`;
    expect(await announceTenants(cell.deps)).toBe(2);
    expect(await announceTenants(cell.deps)).toBe(0);
    expect([
      await registered("veteran-1"),
      await registered("veteran-2"),
      await registered("newcomer"),
    ]).toEqual([1, 1, 1]);
    const [event] = await sql`select envelope from outbox where key = 'veteran-1'`;
    expect(event?.envelope).toMatchObject({
      tenant: "veteran-1",
      cell: cell.config.cellId,
      region: cell.config.region,
    });
  });
});
