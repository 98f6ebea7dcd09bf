import PgBoss from "pg-boss";
import type { CellConfig } from "../config.ts";
import { connectDatabase, type Transaction } from "../db/client.ts";

/** One pg-boss queue carries every workflow step; jobs that exhaust their retries land in the dead queue. */
export const STEP_QUEUE = "workflow-step";
export const DEAD_STEP_QUEUE = "workflow-step-dead";

export interface StepJobData {
  workflowId: string;
  step: string;
  traceContext: Record<string, string>;
  /** Set while the step waits for a shared service that is down: when the waiting began (epoch ms). */
  waitingSince?: number;
  /** How many times it has waited so far (the next wait is longer). */
  waits?: number;
}

export type StepQueue = PgBoss;

/**
 * The queue lives in the cell's own Postgres database (schema `pgboss`), so a step's result and
 * the next step's job commit in one transaction. `supervise` is for the worker: it expires jobs
 * whose worker died, so they are retried.
 */
export async function openStepQueue(
  config: Pick<CellConfig, "databaseUrl" | "cellId" | "steps">,
  options: { supervise: boolean },
): Promise<StepQueue> {
  const boss = new PgBoss({
    connectionString: config.databaseUrl,
    application_name: `hireloop-${config.cellId}-queue`,
    max: 4,
    supervise: options.supervise,
    schedule: false,
    maintenanceIntervalSeconds: 2,
    monitorStateIntervalSeconds: 30,
  });
  await boss.start();
  const retry = {
    retryLimit: config.steps.retries,
    retryDelay: config.steps.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: stepExpirySeconds(config),
  };
  await takingTurns(config.databaseUrl, async () => {
    await ensureQueue(boss, DEAD_STEP_QUEUE, { ...retry, retryLimit: 5 });
    await ensureQueue(boss, STEP_QUEUE, { ...retry, deadLetter: DEAD_STEP_QUEUE });
  });
  return boss;
}

/** A running step is presumed dead (its worker crashed) this long after it started. */
export function stepExpirySeconds(config: Pick<CellConfig, "steps">): number {
  return Math.ceil(config.steps.timeoutMs / 1000) + 2;
}

/**
 * pg-boss creates a queue without a lock of its own, and two processes creating the same queue at
 * once (a cell's API and worker starting on a fresh database) deadlock. Declarations take turns
 * under a session advisory lock, released when the session ends (a crashed holder releases it).
 */
async function takingTurns(databaseUrl: string, declare: () => Promise<void>): Promise<void> {
  const handle = connectDatabase(databaseUrl, { max: 1, applicationName: "hireloop-queue-declaration" });
  try {
    await handle.sql`select pg_advisory_lock(hashtext('hireloop_step_queues'))`;
    await declare();
  } finally {
    await handle.close();
  }
}

async function ensureQueue(boss: PgBoss, name: string, options: Omit<PgBoss.Queue, "name">): Promise<void> {
  const queue = { name, ...options };
  if (await boss.getQueue(name)) await boss.updateQueue(name, queue);
  else await boss.createQueue(name, queue);
}

/**
 * Enqueues a step inside the caller's transaction: the job exists only if the transaction commits.
 * `startAfterSeconds` delays it (a step waiting for a service that is down).
 */
export async function enqueueStep(
  boss: StepQueue,
  tx: Transaction,
  data: StepJobData,
  startAfterSeconds?: number,
): Promise<void> {
  await boss.send(STEP_QUEUE, data, {
    db: transactionAdapter(tx),
    ...(startAfterSeconds ? { startAfter: startAfterSeconds } : {}),
  });
}

function transactionAdapter(tx: Transaction): PgBoss.Db {
  const client = (tx as unknown as { session: { client: import("postgres").Sql } }).session.client;
  return {
    executeSql: async (text, values) => {
      // pg-boss passes undefined for unset options and plain objects for JSON; postgres.js wants null and text.
      const params = values.map((value) => {
        if (value === undefined) return null;
        if (value !== null && typeof value === "object" && !(value instanceof Date))
          return JSON.stringify(value);
        return value;
      });
      const rows = await client.unsafe(text, params);
      return { rows: [...rows] };
    },
  };
}
