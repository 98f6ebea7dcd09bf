import { createTestDatabase } from "@hireloop/testkit/database";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { DEAD_STEP_QUEUE, openStepQueue, STEP_QUEUE, type StepQueue } from "../../src/workflows/queue.ts";

/**
 * A new cell's API and worker start together on a database with no queue yet. pg-boss 10 creates
 * a queue without a lock, and two processes creating the same one deadlocked: Postgres aborted
 * one of them and that process exited, so `make up` failed now and then on a fresh machine.
 */
const steps = { timeoutMs: 8_000, retries: 3, retryDelaySeconds: 2, serviceWaitMaxMs: 5_000 };

async function openTogether(databaseUrl: string, count: number) {
  const openings = await Promise.allSettled(
    Array.from({ length: count }, (_, index) =>
      openStepQueue({ databaseUrl, cellId: `starter-${index}`, steps }, { supervise: false }),
    ),
  );
  const opened = openings.flatMap((opening) => (opening.status === "fulfilled" ? [opening.value] : []));
  await Promise.all(opened.map((queue: StepQueue) => queue.stop({ graceful: false, wait: true })));
  return openings.flatMap((opening) => (opening.status === "rejected" ? [String(opening.reason)] : []));
}

async function declaredQueues(databaseUrl: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    return await sql<{ name: string; retry_limit: number; dead_letter: string | null }[]>`
      select name, retry_limit, dead_letter from pgboss.queue order by name`;
  } finally {
    await sql.end();
  }
}

describe("the step queue opened by several processes at once on a new database", () => {
  it("opens for every one of them, and the queues carry the cell's retry settings", async () => {
    // The race is a matter of timing: a few rounds make it all but certain to show when unguarded.
    for (let round = 0; round < 4; round++) {
      const database = await createTestDatabase({ empty: true });
      try {
        expect(await openTogether(database.url, 6)).toEqual([]);
        expect(await declaredQueues(database.url)).toEqual([
          { name: STEP_QUEUE, retry_limit: 3, dead_letter: DEAD_STEP_QUEUE },
          { name: DEAD_STEP_QUEUE, retry_limit: 5, dead_letter: null },
        ]);
      } finally {
        await database.drop();
      }
    }
  });
});
