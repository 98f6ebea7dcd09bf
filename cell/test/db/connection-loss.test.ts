import { createTestDatabase } from "@hireloop/testkit/database";
import { testPlatform } from "@hireloop/testkit/platform";
import { sql as raw } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type DatabaseHandle } from "../../src/db/client.ts";
import { openStepQueue, STEP_QUEUE, type StepJobData } from "../../src/workflows/queue.ts";

/**
 * A connection that dies under a transaction (Postgres restarted, a backend terminated, a proxy
 * closing idle sockets) must fail that transaction and nothing more. postgres.js 3.4.9 wrote the
 * transaction's own ROLLBACK to the dead socket from a setImmediate, an exception no caller can
 * catch: the cell's worker crashed and its workflows stayed `running`. Patched in
 * patches/postgres+3.4.9.patch (docs/adr/0019-patched-dependencies.md). The step queue (pg-boss
 * 10) crashed the worker the same way: it did not wait for marking a job failed, so a database
 * out of reach at that moment became an unhandled rejection (patches/pg-boss+10.4.2.patch).
 */
let database: { url: string; drop(): Promise<void> };
let handle: DatabaseHandle;
let killer: postgres.Sql;

beforeAll(async () => {
  database = await createTestDatabase();
  handle = connectDatabase(database.url, { max: 2 });
  killer = postgres(database.url, { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await handle?.close();
  await killer?.end();
  await database?.drop();
});

describe("a connection lost in the middle of a transaction", () => {
  it("rejects the transaction, and the same pool goes on serving", async () => {
    for (let round = 0; round < 3; round++) {
      let backend: number | undefined;
      const transaction = handle.db.transaction(async (tx) => {
        const [row] = await tx.execute<{ pid: number }>(raw`select pg_backend_pid() as pid`);
        backend = row?.pid;
        await tx.execute(raw`select pg_sleep(5)`);
      });
      const outcome = transaction.then(
        () => "committed",
        (error: Error) => error.message,
      );
      await expect.poll(() => backend, { interval: 20 }).toBeTypeOf("number");
      await killer`select pg_terminate_backend(${backend ?? 0})`;
      expect(await outcome).toMatch(/terminating connection|CONNECTION_CLOSED|CONNECTION_DESTROYED/);
      // The pool connects that connection again: at most the first query after the loss still
      // sees the loss, and none waits for ever (a closed connection left in the pool's "full"
      // queue once starved every query that came after).
      await expect
        .poll(
          () =>
            Promise.race([
              handle.db.execute<{ one: number }>(raw`select 1 as one`).then(
                ([row]) => row?.one,
                () => "refused",
              ),
              new Promise((resolve) => setTimeout(resolve, 1_000, "waiting")),
            ]),
          { timeout: 5_000, interval: 50 },
        )
        .toBe(1);
    }
  });
});

describe("the step queue when the database goes out of reach as a step fails", () => {
  it("reports the error and keeps the process up", async () => {
    const name = new URL(database.url).pathname.slice(1);
    const admin = postgres(testPlatform().postgresUrl, { max: 1, onnotice: () => {} });
    const queue = await openStepQueue(
      {
        databaseUrl: database.url,
        cellId: "connection-loss",
        steps: { timeoutMs: 20_000, retries: 1, retryDelaySeconds: 1, serviceWaitMaxMs: 1_000 },
      },
      { supervise: false },
    );
    const errors: string[] = [];
    queue.on("error", (error) => errors.push(error.message));
    try {
      await queue.send(STEP_QUEUE, { workflowId: "w", step: "s", traceContext: {} } satisfies StepJobData);
      await queue.work<StepJobData>(STEP_QUEUE, { pollingIntervalSeconds: 0.5 }, async () => {
        // The database stops taking connections, and the queue's own are cut: marking this job
        // failed cannot reach it.
        await admin.unsafe(`alter database ${name} allow_connections false`);
        await admin`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${name}`;
        throw new Error("the step failed");
      });
      await expect.poll(() => errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      await admin.unsafe(`alter database ${name} allow_connections true`);
      await admin.end();
      await queue.stop({ graceful: false, wait: true }).catch(() => {});
    }
  });
});
