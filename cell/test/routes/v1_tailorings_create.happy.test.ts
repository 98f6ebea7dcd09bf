import { json } from "@hireloop/testkit/client";
import { describe, expect, it } from "vitest";
import { useTestCell, waitForWorkflow } from "../support/cell.ts";
import { resumeAndJob } from "../support/requests.ts";
import { scalar } from "../support/sql.ts";

const cell = useTestCell();

async function sources(uid: string) {
  const request = cell.as(uid);
  const { resume, job } = await resumeAndJob(request);
  return { request, resume, job };
}

async function events(type: string, workflowId: string): Promise<number> {
  return scalar(cell.deps.sql`
    select count(*)::int as count from outbox
    where envelope->>'type' = ${type} and envelope->'data'->>'workflowId' = ${workflowId}`);
}

describe("POST /v1/tailorings", () => {
  it("returns the same workflow for the same Idempotency-Key", async () => {
    const { request, resume, job } = await sources("idem");
    const body = { resumeId: resume.id, jobId: job.id, format: "pdf" };
    const send = () =>
      request("/v1/tailorings", {
        ...json(body),
        headers: { "content-type": "application/json", "idempotency-key": "k-1" },
      });
    const [first, second] = await Promise.all([send(), send()]);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    const a = await first.json();
    const b = await second.json();
    expect(a.workflowId).toBe(b.workflowId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    await waitForWorkflow(request, a.workflowId);
    const third = await (await send()).json();
    expect(third).toEqual({ workflowId: a.workflowId, created: false });
    const count = await scalar(
      cell.deps.sql`select count(*)::int as count from workflows where tenant_id = 'idem'`,
    );
    expect(count).toBe(1);
    expect(await events("workflow.succeeded", a.workflowId)).toBe(1);

    const reused = await request("/v1/tailorings", {
      ...json({ ...body, format: "docx" }),
      headers: { "content-type": "application/json", "idempotency-key": "k-1" },
    });
    expect(reused.status).toBe(422);
    expect((await reused.json()).code).toBe("idempotency_key_reused");
  });
});
