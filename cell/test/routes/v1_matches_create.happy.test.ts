import { json } from "@hireloop/testkit/client";
import { describe, expect, it } from "vitest";
import { tenantLockName } from "../../src/tenancy/write-guard.ts";
import { useTestCell } from "../support/cell.ts";
import { patch, resumeAndJob } from "../support/requests.ts";
import { scalar } from "../support/sql.ts";

const cell = useTestCell({ worker: false });

describe("POST /v1/matches", () => {
  it("scores from the resume's stored match profile, read again when the resume is corrected", async () => {
    const ana = cell.as("ana-matches");
    const { resume, job } = await resumeAndJob(ana);
    const stored = () =>
      scalar(
        cell.deps.sql`select count(*)::int as count from resumes
          where id = ${resume.id} and match_profile ? 'skills'`,
      );
    expect(await stored()).toBe(1);
    const match = async () => {
      const res = await ana("/v1/matches", json({ resumeId: resume.id, jobId: job.id }));
      expect(res.status).toBe(200);
      return res.json();
    };
    const before = await match();
    expect(before.missingKeywords).toContain("Kubernetes");

    const skills = [...resume.sections.skills, "Kubernetes"];
    expect((await ana(`/v1/resumes/${resume.id}`, patch({ skills }))).status).toBe(200);
    const corrected = await match();
    expect(corrected.matchedKeywords).toContain("Kubernetes");
    expect(corrected.score).toBeGreaterThan(before.score);

    // A resume stored before profiles were kept is read from its parse: the same answer.
    await cell.deps.sql`update resumes set match_profile = null where id = ${resume.id}`;
    expect(await stored()).toBe(0);
    expect(await match()).toEqual(corrected);
  });
});

describe("POST /v1/matches, many at once", () => {
  it("answers each caller from their own resume and job when their matches share a read", async () => {
    const callers = await Promise.all(
      ["cleo-matches", "dev-matches", "eli-matches"].map(async (uid) => {
        const request = cell.as(uid);
        return { request, ...(await resumeAndJob(request)) };
      }),
    );
    const [cleo, dev] = callers;
    if (!cleo || !dev) throw new Error("no callers");
    const alone = await (
      await cleo.request("/v1/matches", json({ resumeId: cleo.resume.id, jobId: cleo.job.id }))
    ).json();
    // Sent together, so the cell reads them in one statement: each caller's own rows, or 404 for a
    // resume or job of someone else.
    const sent = await Promise.all([
      ...callers.flatMap(({ request, resume, job }) =>
        Array.from({ length: 4 }, () => request("/v1/matches", json({ resumeId: resume.id, jobId: job.id }))),
      ),
      cleo.request("/v1/matches", json({ resumeId: cleo.resume.id, jobId: dev.job.id })),
      dev.request("/v1/matches", json({ resumeId: cleo.resume.id, jobId: dev.job.id })),
    ]);
    const answers = await Promise.all(
      sent.map(async (res) => ({ status: res.status, body: await res.json() })),
    );
    callers.forEach(({ resume, job }, caller) => {
      for (const { status, body } of answers.slice(caller * 4, caller * 4 + 4)) {
        expect(status).toBe(200);
        expect(body).toMatchObject({ resumeId: resume.id, jobId: job.id });
      }
    });
    expect(answers.slice(0, 4).map(({ body }) => body)).toEqual(Array(4).fill(alone));
    expect(answers.slice(-2).map(({ status, body }) => [status, body.code])).toEqual([
      [404, "not_found"],
      [404, "not_found"],
    ]);
  });
});

describe("POST /v1/matches and a tenant's migration", () => {
  it("records match.scored guarded as every write: none while the tenant is frozen, even by a freeze committed while it waited for the lock", async () => {
    const tenant = "ben-matches";
    const ben = cell.as(tenant);
    const { resume, job } = await resumeAndJob(ben);
    const { sql } = cell.deps;
    const scored = () =>
      scalar(sql`select count(*)::int as count from outbox
        where key = ${tenant} and envelope->>'type' = 'match.scored'`);
    const match = () => ben("/v1/matches", json({ resumeId: resume.id, jobId: job.id }));

    expect((await match()).status).toBe(200);
    expect(await scored()).toBe(1);

    // The migrator freezes a tenant holding the exclusive lock; a match arriving meanwhile waits
    // for the lock, then must see the freeze that committed while it waited.
    const migrationId = "7a0c3c2e-9a51-4b0e-8f7a-3d1f0c6b2a10";
    let waiting: Promise<Response> | undefined;
    await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtextextended(${tenantLockName(tenant)}, 0))`;
      await tx`insert into tenant_freezes (tenant_id, migration_id) values (${tenant}, ${migrationId})`;
      waiting = match();
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    const refused = (await waiting) as Response;
    expect(refused.status).toBe(503);
    expect(await refused.json()).toMatchObject({ code: "tenant_migrating" });
    expect(await scored()).toBe(1);

    await sql`delete from tenant_freezes where tenant_id = ${tenant}`;
    expect((await match()).status).toBe(200);
    expect(await scored()).toBe(2);
  });
});
