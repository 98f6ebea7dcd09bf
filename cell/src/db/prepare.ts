import { fileURLToPath } from "node:url";
import { openStepQueue } from "../workflows/queue.ts";
import { migrateDatabase } from "./migrate.ts";

/**
 * Makes a database a cell's: the committed migrations and the job queue's schema, so the cell's
 * processes find everything in place when they first start. Idempotent. The local platform runs
 * this file before it starts a cell; the test kit runs it once to build the template it clones a
 * fresh database from for every test file.
 */
export async function prepareCellDatabase(databaseUrl: string): Promise<void> {
  await migrateDatabase(databaseUrl);
  const queue = await openStepQueue(
    {
      databaseUrl,
      cellId: "prepare",
      steps: { timeoutMs: 5_000, retries: 1, retryDelaySeconds: 1, serviceWaitMaxMs: 5_000 },
    },
    { supervise: false },
  );
  await queue.stop({ graceful: false, wait: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const url = process.env.HL_DATABASE_URL;
  if (!url) {
    console.error("HL_DATABASE_URL is required");
    process.exit(2);
  }
  await prepareCellDatabase(url);
  console.log("database prepared: migrations applied, job queue ready");
}
