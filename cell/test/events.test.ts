import { parseEnvelope } from "@hireloop/events";
import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { describe, expect, it } from "vitest";
import { announceTenants } from "../src/tenancy/announce.ts";
import { useTestCell, waitForWorkflow } from "./support/cell.ts";
import { readTopic, sendMessages } from "./support/kafka.ts";
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

  it("counts usage once per event even when Kafka delivers an event twice", async () => {
    const { sql } = cell.deps;
    const total = await scalar(sql`select count(*)::int as n from outbox`);
    await until(
      async () => (await scalar(sql`select coalesce(sum(count), 0)::int as n from usage_counters`)) === total,
    );
    const before = await sql`select tenant_id, event_type, count from usage_counters order by 1, 2`;

    // Re-send everything, as a relay that crashed between publishing and marking would.
    await sql`update outbox set published_at = null`;
    await until(
      async () => (await scalar(sql`select count(*)::int as n from outbox where published_at is null`)) === 0,
    );
    await readTopic(cell.config.kafkaTopic, total * 2);
    await until(async () => {
      const metrics = await cell.deps.metrics.registry.getSingleMetricAsString("hl_events_consumed_total");
      const duplicates = /outcome="duplicate"[^\n]*\s(\d+)/.exec(metrics);
      return Number(duplicates?.[1] ?? 0) >= total;
    });
    const after = await sql`select tenant_id, event_type, count from usage_counters order by 1, 2`;
    expect(after).toEqual(before);
    expect(await scalar(sql`select count(*)::int as n from processed_events`)).toBe(total);
  });

  it("skips a message that is not an event envelope and counts the events behind it", async () => {
    const { sql } = cell.deps;
    // Keyed like the tenant's events, so it sits in front of them on the same partition.
    await sendMessages(cell.config.kafkaTopic, [{ key: "erin", value: "{not an event envelope" }]);
    const request = cell.as("erin");
    expect((await request("/v1/resumes", json({ text: textFixture("resume.txt") }))).status).toBe(201);
    const total = await scalar(sql`select count(*)::int as n from outbox`);
    await until(async () => (await scalar(sql`select count(*)::int as n from processed_events`)) === total);
    const metrics = await cell.deps.metrics.registry.getSingleMetricAsString("hl_events_consumed_total");
    expect(/outcome="malformed"[^\n]*\s(\d+)/.exec(metrics)?.[1]).toBe("1");
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
