import { randomBytes } from "node:crypto";
import {
  BUCKET_COUNT,
  cellFor,
  createPlacementStore,
  migrateControlPlane,
  watchPlacement,
} from "@hireloop/placement";
import { json } from "@hireloop/testkit/client";
import { createTestDatabase } from "@hireloop/testkit/database";
import { textFixture } from "@hireloop/testkit/fixtures";
import postgres, { type Sql } from "postgres";
import { STEP_QUEUE } from "../../src/workflows/queue.ts";
import { startTestCell, type TestCell } from "../support/cell.ts";

export const REGION = "us-east";
// Cell ids unique to this run: parallel test files share the platform's Redis and Kafka.
const run = randomBytes(3).toString("hex");
export const SOURCE = `us-east-m${run}a`;
export const TARGET = `us-east-m${run}b`;

export interface MigrationPlatform {
  cells: Record<string, TestCell>;
  controlSql: Sql;
  /** Requests as a router would send them: to the cell the (cached, refreshed) placement names. */
  route(uid: string): (path: string, init?: RequestInit) => Promise<Response>;
  close(): Promise<void>;
}

/**
 * Two cells with workers and a control plane whose table sends every bucket to the source. The
 * in-test router watches the placement (NOTIFY plus a 200 ms poll) and reports what it serves, like
 * a router replica.
 */
export async function startMigrationPlatform(): Promise<MigrationPlatform> {
  const control = await createTestDatabase();
  const controlSql = postgres(control.url, { max: 4, onnotice: () => {} });
  await migrateControlPlane(controlSql);
  const store = createPlacementStore(controlSql);
  const [source, target] = await Promise.all([
    startTestCell({ config: { cellId: SOURCE } }),
    startTestCell({ config: { cellId: TARGET } }),
  ]);
  const cells: Record<string, TestCell> = { [SOURCE]: source, [TARGET]: target };
  for (const id of [SOURCE, TARGET]) {
    await store.upsertCell({
      id,
      region: REGION,
      state: "active",
      apiUrl: `http://${id}.invalid`,
      weight: 1,
    });
  }
  await store.saveTable({
    region: REGION,
    version: 1,
    buckets: Array.from({ length: BUCKET_COUNT }, () => SOURCE),
    overrides: new Map(),
  });
  // The in-test router watches and reports like a router replica, so migrations wait for it.
  const report = () => {
    const stamp = watcher.stamp();
    if (stamp) store.reportRouter(REGION, `migration-test-router-${run}`, stamp).catch(() => {});
  };
  const watcher = watchPlacement(store, REGION, { intervalMs: 200, onLoad: report, onError: () => {} });
  await watcher.ready;
  const heartbeat = setInterval(report, 500);
  return {
    cells,
    controlSql,
    route: (uid) => (path, init) => {
      const cellId = cellFor(watcher.current(), uid);
      const cell = cells[cellId];
      if (!cell) throw new Error(`no test cell ${cellId}`);
      return cell.as(uid)(path, init);
    },
    async close() {
      clearInterval(heartbeat);
      await watcher.stop();
      await Promise.all([source.close(), target.close()]);
      await controlSql.end();
      await control.drop();
    },
  };
}

/** Stops the cell's step runners: workflows started from now on stay queued there. */
export async function stopStepRunners(cell: TestCell): Promise<void> {
  await cell.deps.queue.offWork(STEP_QUEUE);
}

export interface Traffic {
  /** Status and error code of every write, and the ids of the rows created. */
  outcomes: { status: number; code: string | null; retryAfter: string | null }[];
  createdResumes: string[];
  stop(): Promise<void>;
}

/** One tenant creating resumes and jobs in a loop until stopped, as fast as the cell answers. */
export function sendTraffic(request: (path: string, init?: RequestInit) => Promise<Response>): Traffic {
  const traffic: Traffic = { outcomes: [], createdResumes: [], stop: async () => {} };
  let running = true;
  const loop = (async () => {
    for (let i = 0; running; i++) {
      const res =
        i % 2 === 0
          ? await request("/v1/resumes", json({ text: textFixture("resume.txt") }))
          : await request("/v1/jobs", json({ text: textFixture("job-backend.txt") }));
      const body = await res.json();
      traffic.outcomes.push({
        status: res.status,
        code: res.ok ? null : String(body.code),
        retryAfter: res.headers.get("retry-after"),
      });
      if (res.ok && i % 2 === 0) traffic.createdResumes.push(body.id);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  traffic.stop = async () => {
    running = false;
    await loop;
  };
  return traffic;
}

/** Rows of the tenant left in a cell database, per table, including its events and queued jobs. */
export async function tenantFootprint(sql: Sql, tenantId: string): Promise<Record<string, number>> {
  const [row] = await sql<Record<string, number>[]>`
    select
      (select count(*)::int from resumes where tenant_id = ${tenantId}) as resumes,
      (select count(*)::int from jobs where tenant_id = ${tenantId}) as jobs,
      (select count(*)::int from workflows where tenant_id = ${tenantId}) as workflows,
      (select count(*)::int from tailorings where tenant_id = ${tenantId}) as tailorings,
      (select count(*)::int from dead_letters where tenant_id = ${tenantId}) as dead_letters,
      (select count(*)::int from usage_counters where tenant_id = ${tenantId}) as usage_counters,
      (select count(*)::int from outbox where key = ${tenantId}) as outbox`;
  return row ?? {};
}
