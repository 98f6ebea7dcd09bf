import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { json } from "@hireloop/testkit/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listDeadLetters } from "../src/use-cases/dead-letters/list.ts";
import { replayDeadLetter } from "../src/use-cases/dead-letters/replay.ts";
import { startWorker } from "../src/worker.ts";
import { startWorkflow } from "../src/workflows/start.ts";
import {
  cellEnvironment,
  startTestCell,
  type TestCell,
  useTestCell,
  waitForWorkflow,
} from "./support/cell.ts";
import { resumeAndJob } from "./support/requests.ts";
import { scalar } from "./support/sql.ts";

const cell = useTestCell({ config: { steps: { timeoutMs: 5_000, retries: 1, retryDelaySeconds: 1 } } });

async function sources(uid: string) {
  const request = cell.as(uid);
  const { resume, job } = await resumeAndJob(request);
  return { request, resume, job };
}

describe("cancelling while the worker starts the step", () => {
  // The database is slowed where a step is marked running, so the worker is caught holding that
  // lock every time rather than by luck; the code under test is unchanged.
  beforeAll(async () => {
    await cell.deps.sql.unsafe(`
      create function slow_step_start() returns trigger language plpgsql as $$
      begin perform pg_sleep(0.3); return new; end $$;
      create trigger slow_step_start before update on workflow_steps for each row
        when (new.status = 'running' and old.status <> 'running') execute function slow_step_start();`);
  });
  afterAll(async () => {
    await cell.deps.sql.unsafe(`
      drop trigger if exists slow_step_start on workflow_steps;
      drop function if exists slow_step_start();`);
  });

  it("never deadlocks: the cancel waits for the step to start, then cancels the workflow", async () => {
    const { request, resume, job } = await sources("racing-canceller");
    for (let round = 0; round < 3; round++) {
      const res = await request("/v1/tailorings", json({ resumeId: resume.id, jobId: job.id }));
      const { workflowId } = await res.json();
      await expect
        .poll(
          async () =>
            scalar(cell.deps.sql`
              select count(*)::int as count from pg_stat_activity
              where datname = current_database() and wait_event = 'PgSleep'`),
          { timeout: 10_000, interval: 20 },
        )
        .toBe(1);
      const cancelled = await request(`/v1/workflows/${workflowId}/cancel`, { method: "POST" });
      const body = await cancelled.json();
      expect(cancelled.status, JSON.stringify(body)).toBe(200);
      expect(body.status).toBe("cancelled");
    }
  });
});

describe("a request a shared service refuses as it stands", () => {
  it("fails its workflow after one attempt, with the service's code and words, never a raw gRPC string", async () => {
    const { workflowId: id } = await startWorkflow(cell.deps, {
      kind: "discovery",
      tenantId: "board-picker",
      input: { query: "backend engineer", boards: ["nowhere"], tier: "free" },
    });
    const done = await waitForWorkflow(cell.as("board-picker"), id);
    expect(done.status).toBe("failed");
    expect(done.steps[0]).toMatchObject({ name: "search", status: "failed", attempts: 1 });
    const failed = await (await cell.as("board-picker")(`/v1/workflows/${id}`)).json();
    expect(failed.error.code).toBe("unknown_board");
    expect(failed.error.message).toMatch(/^unknown board\(s\): nowhere/);
  });
});

const exec = promisify(execFile);

describe("failure handling", () => {
  /** The operator CLI, run for real against this test cell's database. */
  const hireloop = async (args: string[]) => {
    const { stdout } = await exec("npx", ["hireloop", ...args], {
      env: { ...process.env, ...cellEnvironment(idle.config) },
      timeout: 60_000,
    });
    return stdout;
  };
  let idle: TestCell;
  beforeAll(async () => {
    idle = await startTestCell({
      worker: false,
      config: { steps: { timeoutMs: 5_000, retries: 1, retryDelaySeconds: 1 } },
    });
  });
  afterAll(async () => {
    await idle?.close();
  });

  it("retries, falls back, dead-letters a run that cannot finish, and replays it once fixed", async () => {
    const request = idle.as("unlucky");
    const { resume, job } = await resumeAndJob(request);
    const { workflowId } = await (
      await request("/v1/tailorings", json({ resumeId: resume.id, jobId: job.id }))
    ).json();
    // The resume is out of reach before the worker gets to it: every attempt and the fallback fail.
    await idle.deps.sql`update resumes set tenant_id = 'quarantine' where id = ${resume.id}`;
    const worker = await startWorker(idle.deps);
    try {
      const failed = await waitForWorkflow(request, workflowId);
      expect(failed.status).toBe("failed");
      const analyze = failed.steps.find((s) => s.name === "analyze");
      expect(analyze).toMatchObject({ status: "failed", attempts: 2 });
      const letters = JSON.parse(await hireloop(["dlq", "list", "--json"]));
      const letter = letters.find((l: { workflowId: string }) => l.workflowId === workflowId);
      expect(letter).toMatchObject({ step: "analyze", errorCode: "source_missing", attempts: 2 });

      await idle.deps.sql`update resumes set tenant_id = 'unlucky' where id = ${resume.id}`;
      expect(await hireloop(["dlq", "replay", letter.id])).toContain(workflowId);
      const replayed = await waitForWorkflow(request, workflowId);
      expect(replayed.status).toBe("succeeded");
      expect(await listDeadLetters(idle.deps)).not.toContainEqual(expect.objectContaining({ workflowId }));
      const count = await scalar(idle.deps.sql`
        select count(*)::int as count from outbox
        where envelope->>'type' = 'workflow.succeeded' and envelope->'data'->>'workflowId' = ${workflowId}`);
      expect(count).toBe(1);
      await expect(replayDeadLetter(idle.deps, letter.id)).rejects.toThrow(/no open dead letter/);
    } finally {
      await worker.stop();
    }
  });
});
