import { cellFor, createPlacementStore } from "@hireloop/placement";
import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  abortMigration,
  type MigrationProgress,
  migrateTenant,
  tenantChecksums,
} from "../../src/migration/index.ts";
import { waitForWorkflow } from "../support/cell.ts";
import { resumeAndJob } from "../support/requests.ts";
import {
  type MigrationPlatform,
  REGION,
  SOURCE,
  sendTraffic,
  startMigrationPlatform,
  stopStepRunners,
  TARGET,
  type Traffic,
  tenantFootprint,
} from "./support.ts";

let platform: MigrationPlatform;
const traffic: Traffic[] = [];
beforeAll(async () => {
  platform = await startMigrationPlatform();
}, 120_000);
afterAll(async () => {
  // A failed assertion must not leave a loop sending requests to cells being closed.
  await Promise.all(traffic.map((t) => t.stop()));
  await platform?.close();
});

const endpoints = () => ({
  source: { cellId: SOURCE, databaseUrl: platform.cells[SOURCE]?.config.databaseUrl ?? "" },
  target: { cellId: TARGET, databaseUrl: platform.cells[TARGET]?.config.databaseUrl ?? "" },
});
const sourceSql = () =>
  platform.cells[SOURCE]?.deps.sql as NonNullable<MigrationPlatform["cells"][string]>["deps"]["sql"];
const targetSql = () => platform.cells[TARGET]?.deps.sql as ReturnType<typeof sourceSql>;

async function seedTenant(uid: string) {
  const request = platform.route(uid);
  const { resume, job } = await resumeAndJob(request);
  const tailor = (format: string) =>
    request("/v1/tailorings", json({ resumeId: resume.id, jobId: job.id, format })).then((r) => r.json());
  return { request, resume, job, tailor };
}

async function placedOn(uid: string): Promise<string> {
  const table = await createPlacementStore(platform.controlSql).currentTable(REGION);
  if (!table) throw new Error("no placement table");
  return cellFor(table, uid);
}

describe("live migration of a tenant between cells", () => {
  it("moves every row and document while the tenant and another keep writing; unfinished workflows finish once on the target", async () => {
    const alice = await seedTenant("alice");
    const finished = await waitForWorkflow(alice.request, (await alice.tailor("pdf")).workflowId);
    expect(finished.status).toBe("succeeded");
    const document = await alice.request(`/v1/tailorings/${finished.tailoringId}/document`);
    const documentBytes = new Uint8Array(await document.arrayBuffer());

    // From here the source runs no steps: the next two workflows stay unfinished there.
    await stopStepRunners(platform.cells[SOURCE] as NonNullable<MigrationPlatform["cells"][string]>);
    const queued = (await alice.tailor("docx")).workflowId as string;
    const interrupted = (await alice.tailor("pdf")).workflowId as string;
    // A worker that was mid-step when the freeze came: its commit will be refused.
    await sourceSql()`update workflow_steps set status = 'running', attempts = 1 where workflow_id = ${interrupted} and name = 'analyze'`;
    await sourceSql()`update workflows set status = 'running' where id = ${interrupted}`;

    const aliceTraffic = sendTraffic(alice.request);
    const bobTraffic = sendTraffic(platform.route("bob"));
    traffic.push(aliceTraffic, bobTraffic);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const progress: MigrationProgress[] = [];
    const input = {
      tenantKey: "alice",
      region: REGION,
      ...endpoints(),
      controlSql: platform.controlSql,
      report: (p: MigrationProgress) => progress.push(p),
    };
    const verified = await migrateTenant({ ...input, stopAfter: "verified" });
    expect(verified.phase).toBe("verified");

    // Frozen, copied and verified: both sides hold the same rows, byte for byte.
    const [onSource, onTarget] = await Promise.all([
      tenantChecksums(sourceSql(), "alice"),
      tenantChecksums(targetSql(), "alice"),
    ]);
    expect(onTarget).toEqual(onSource);
    expect(onTarget).toEqual(verified.checksums);
    const rows = Object.fromEntries(onTarget.map((c) => [c.table, c.rows]));
    expect(rows).toMatchObject({ workflows: 3, workflow_steps: 9, tailorings: 1 });
    expect(rows.resumes).toBeGreaterThan(1);
    expect(rows.jobs).toBeGreaterThan(1);
    // The freeze holds until the flip: alice's next write is refused, however fast the copy was.
    await vi.waitFor(() => expect(aliceTraffic.outcomes.some((o) => o.status === 503)).toBe(true), {
      timeout: 10_000,
      interval: 50,
    });

    const done = await migrateTenant(input);
    expect(done).toMatchObject({ phase: "cleaned", resumedWorkflows: 2 });
    // Both keep going for a while after the move: alice on the target now.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await Promise.all([aliceTraffic.stop(), bobTraffic.stop()]);

    expect(progress.map((p) => [p.phase, p.percent])).toEqual([
      ["frozen", 10],
      ["copied", 50],
      ["verified", 70],
      ["flipped", 85],
      ["cleaned", 100],
    ]);
    expect(await placedOn("alice")).toBe(TARGET);
    expect(await placedOn("bob")).toBe(SOURCE);

    // Writes in the freeze window got 503 tenant_migrating with Retry-After, and nothing else failed.
    const refused = aliceTraffic.outcomes.filter((o) => o.status !== 201);
    expect(refused.length).toBeGreaterThan(0);
    expect(
      refused.every((o) => o.status === 503 && o.code === "tenant_migrating" && o.retryAfter === "2"),
    ).toBe(true);
    expect(aliceTraffic.outcomes.filter((o) => o.status === 201).length).toBeGreaterThan(2);
    expect(bobTraffic.outcomes.length).toBeGreaterThan(10);
    expect(bobTraffic.outcomes.filter((o) => o.status !== 201)).toEqual([]);

    // The unfinished workflows complete on the target, each exactly once.
    for (const id of [queued, interrupted]) {
      const run = await waitForWorkflow(alice.request, id);
      expect(run.status).toBe("succeeded");
      const [events] = await targetSql()<{ succeeded: number; analyzed: number }[]>`
        select count(*) filter (where envelope->>'type' = 'workflow.succeeded')::int as succeeded,
               count(*) filter (where envelope->>'type' = 'workflow.step_completed'
                                  and envelope->'data'->>'step' = 'analyze')::int as analyzed
        from outbox where envelope->'data'->>'workflowId' = ${id}`;
      expect(events).toEqual({ succeeded: 1, analyzed: 1 });
    }

    // Everything alice wrote is readable through placement, the document byte for byte.
    for (const id of [alice.resume.id, ...aliceTraffic.createdResumes]) {
      expect((await alice.request(`/v1/resumes/${id}`)).status).toBe(200);
    }
    const moved = await alice.request(`/v1/tailorings/${finished.tailoringId}/document`);
    expect(moved.headers.get("x-hl-cell")).toBe(TARGET);
    expect(new Uint8Array(await moved.arrayBuffer())).toEqual(documentBytes);

    // The source holds nothing of alice (the freeze stays as a tombstone), bob's rows are untouched.
    expect(Object.values(await tenantFootprint(sourceSql(), "alice")).every((n) => n === 0)).toBe(true);
    const [jobs] = await sourceSql()<{ n: number }[]>`
      select count(*)::int as n from pgboss.job where data->>'workflowId' = any(${[queued, interrupted]}::text[])`;
    expect(jobs?.n).toBe(0);
    expect((await tenantFootprint(sourceSql(), "bob")).resumes).toBeGreaterThan(0);
    // The source's usage counts for alice moved to the target.
    const [usage] = await targetSql()<{ n: number }[]>`
      select coalesce(sum(count), 0)::int as n from usage_counters where tenant_id = 'alice' and event_type = 'resume.created'`;
    expect(usage?.n).toBeGreaterThan(0);
  }, 120_000);

  it("continues a migration that crashed after the copy and finishes it correctly", async () => {
    const carol = await seedTenant("carol");
    const workflowId = (await carol.tailor("pdf")).workflowId as string;
    const input = { tenantKey: "carol", region: REGION, ...endpoints(), controlSql: platform.controlSql };

    const crashed = await migrateTenant({ ...input, stopAfter: "copied" });
    expect(crashed.phase).toBe("copied");
    expect(await placedOn("carol")).toBe(SOURCE);
    // Still frozen on the source, readable there.
    const refused = await carol.request("/v1/jobs", json({ text: textFixture("job-backend.txt") }));
    expect(refused.status).toBe(503);
    expect((await refused.json()).code).toBe("tenant_migrating");
    expect((await carol.request(`/v1/resumes/${carol.resume.id}`)).status).toBe(200);
    const [record] = await platform.controlSql<{ phase: string }[]>`
      select phase from tenant_migrations where id = ${crashed.migrationId}`;
    expect(record?.phase).toBe("copied");

    const resumed = await migrateTenant(input);
    expect(resumed).toMatchObject({
      migrationId: crashed.migrationId,
      phase: "cleaned",
      resumedWorkflows: 1,
    });
    expect(resumed.checksums?.find((c) => c.table === "resumes")?.rows).toBe(1);
    expect(await placedOn("carol")).toBe(TARGET);
    expect((await carol.request(`/v1/resumes/${carol.resume.id}`)).status).toBe(200);
    expect((await carol.request(`/v1/jobs/${carol.job.id}`)).status).toBe(200);
    expect((await waitForWorkflow(carol.request, workflowId)).status).toBe("succeeded");
    expect(Object.values(await tenantFootprint(sourceSql(), "carol")).every((n) => n === 0)).toBe(true);

    // Finished: calling again starts a new migration, which placement refuses (carol is on the target now).
    await expect(migrateTenant(input)).rejects.toMatchObject({ code: "wrong_source" });
  }, 120_000);

  it("aborts a migration before its flip: the target holds nothing, the source takes writes again", async () => {
    const dave = await seedTenant("dave");
    const input = { tenantKey: "dave", region: REGION, ...endpoints(), controlSql: platform.controlSql };
    const databaseOf = (cellId: string) => (cellId === SOURCE ? input.source : input.target).databaseUrl;
    const before = await tenantChecksums(sourceSql(), "dave");

    const verified = await migrateTenant({ ...input, stopAfter: "verified" });
    expect((await tenantFootprint(targetSql(), "dave")).resumes).toBe(1);
    const aborted = await abortMigration({
      tenantKey: "dave",
      region: REGION,
      controlSql: platform.controlSql,
      databaseOf,
    });
    expect(aborted).toMatchObject({ id: verified.migrationId, phase: "aborted" });

    expect(Object.values(await tenantFootprint(targetSql(), "dave")).every((n) => n === 0)).toBe(true);
    expect(await tenantChecksums(sourceSql(), "dave")).toEqual(before);
    expect(await placedOn("dave")).toBe(SOURCE);
    const written = await dave.request("/v1/jobs", json({ text: textFixture("job-backend.txt") }));
    expect(written.status).toBe(201);
    await expect(
      abortMigration({ tenantKey: "dave", region: REGION, controlSql: platform.controlSql, databaseOf }),
    ).rejects.toMatchObject({ code: "no_migration" });

    // A later move starts afresh and completes; once flipped, it can no longer be aborted.
    const flipped = await migrateTenant({ ...input, stopAfter: "flipped" });
    expect(flipped.migrationId).not.toBe(verified.migrationId);
    await expect(
      abortMigration({ tenantKey: "dave", region: REGION, controlSql: platform.controlSql, databaseOf }),
    ).rejects.toMatchObject({ code: "already_flipped" });
    expect(await migrateTenant(input)).toMatchObject({ migrationId: flipped.migrationId, phase: "cleaned" });
    expect((await dave.request(`/v1/jobs/${(await written.json()).id}`)).status).toBe(200);
  }, 120_000);
});
