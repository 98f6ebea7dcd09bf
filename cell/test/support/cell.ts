import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  createIdTokenVerifier,
  generateDevKeys,
  newRouterSigningKey,
  signDevToken,
} from "@hireloop/identity";
import { installTracing } from "@hireloop/observability";
import { createTestDatabase } from "@hireloop/testkit/database";
import { testPlatform } from "@hireloop/testkit/platform";
import { asRouter } from "@hireloop/testkit/routed";
import { PROJECT_ID } from "@hireloop/testkit/tokens";
import type { Hono } from "hono";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../src/api/app.ts";
import type { HonoEnv } from "../../src/api/env.ts";
import type { App } from "../../src/api/new-app.ts";
import { createAdminApp } from "../../src/api/routes/admin.ts";
import type { CellConfig } from "../../src/config.ts";
import { buildDeps } from "../../src/wiring/build.ts";
import type { CellDeps } from "../../src/wiring/deps.ts";
import { type CellWorker, startWorker } from "../../src/worker.ts";

export interface TestCell {
  app: App;
  /** The admin listener's app: /healthz, /readyz, /metrics. */
  admin: Hono<HonoEnv>;
  deps: CellDeps;
  worker: CellWorker | null;
  config: CellConfig;
  keysDir: string;
  token(uid: string): Promise<string>;
  /** app.request as the region's router sends it (with the router credential). */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** request() with the caller's token. */
  as(uid: string): (path: string, init?: RequestInit) => Promise<Response>;
  close(): Promise<void>;
}

export type TestCellOverrides = Omit<Partial<CellConfig>, "steps"> & { steps?: Partial<CellConfig["steps"]> };

export function testCellConfig(
  databaseUrl: string,
  keysDir: string,
  overrides: TestCellOverrides = {},
): CellConfig {
  const platform = testPlatform();
  const { steps, ...rest } = overrides;
  return {
    mode: "dev",
    region: "us-east",
    cellId: "us-east-1",
    port: 0,
    host: "127.0.0.1",
    admin: { port: 0, host: "127.0.0.1" },
    cellKey: newRouterSigningKey(),
    databaseUrl,
    redisUrl: platform.redisUrl,
    kafkaBrokers: platform.kafkaBrokers,
    kafkaTopic: `hl.test.${randomBytes(5).toString("hex")}`,
    auth: { projectId: PROJECT_ID, jwksUrl: `file://${join(keysDir, "jwks.json")}` },
    logLevel: process.env.HL_TEST_LOG_LEVEL ?? "silent",
    steps: { timeoutMs: 10_000, retries: 2, retryDelaySeconds: 1, serviceWaitMaxMs: 60_000, ...steps },
    compute: { threads: 1, timeoutMs: 5_000, maxQueue: 64, memoryMb: 256, perTenant: 2 },
    streams: { perUser: 4, perCell: 64, idleSeconds: 120, maxSeconds: 600 },
    admission: { queueDepth: 500, freeShare: 0.8, retryAfterSeconds: 10, refreshMs: 1000 },
    services: {
      pdf: { address: platform.services.pdf, deadlineMs: 10_000 },
      ai: { address: platform.services.ai, deadlineMs: 10_000 },
      scraper: { address: platform.services.scraper, deadlineMs: 10_000 },
    },
    ...rest,
  };
}

/** A whole cell in this process on real Postgres, Redis and Kafka, with a fresh database. */
export async function startTestCell(
  options: { worker?: boolean; config?: TestCellOverrides } = {},
): Promise<TestCell> {
  installTracing("cell-api");
  const database = await createTestDatabase();
  const keysDir = await mkdtemp(join(tmpdir(), "hl-keys-"));
  const keys = await generateDevKeys(keysDir);
  const config = testCellConfig(database.url, keysDir, options.config);
  const deps = await buildDeps(config, "worker");
  const worker = options.worker === false ? null : await startWorker(deps);
  const verifier = createIdTokenVerifier({ projectId: PROJECT_ID, keySource: config.auth.jwksUrl });
  const cellKey = config.cellKey ?? newRouterSigningKey();
  const app = createApp({ deps, verifier, cellKey });
  const token = (uid: string) =>
    signDevToken({ uid, projectId: PROJECT_ID, privateKeyPath: keys.privateKeyPath });
  const request = async (path: string, init: RequestInit = {}) =>
    app.request(path, asRouter(cellKey, path, init));
  return {
    app,
    admin: createAdminApp(deps, worker?.kafkaReady ?? (async () => {})),
    deps,
    worker,
    config,
    keysDir,
    token,
    request,
    as:
      (uid) =>
      async (path, init = {}) => {
        const headers = new Headers(init.headers);
        headers.set("authorization", `Bearer ${await token(uid)}`);
        return request(path, { ...init, headers });
      },
    async close() {
      await worker?.stop();
      await deps.close();
      await database.drop();
      await rm(keysDir, { recursive: true, force: true });
    },
  };
}

/** Polls the workflow until it reaches a final status. */
export async function waitForWorkflow(
  request: (path: string) => Promise<Response>,
  id: string,
  timeoutMs = 30_000,
): Promise<{
  kind: string;
  status: string;
  progress: number;
  tailoringId: string | null;
  resultId: string | null;
  steps: { name: string; status: string; attempts: number }[];
}> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await request(`/v1/workflows/${id}`);
    const body = await res.json();
    if (["succeeded", "failed", "cancelled"].includes(body.status)) return body;
    if (Date.now() > deadline) throw new Error(`workflow ${id} still ${body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The environment variables a cell process (or the operator CLI) would be given for this config. */
export function cellEnvironment(config: CellConfig): Record<string, string> {
  return {
    HL_MODE: config.mode,
    HL_REGION: config.region,
    HL_CELL_ID: config.cellId,
    HL_DATABASE_URL: config.databaseUrl,
    HL_REDIS_URL: config.redisUrl,
    HL_KAFKA_BROKERS: config.kafkaBrokers.join(","),
    HL_KAFKA_TOPIC: config.kafkaTopic,
    HL_AUTH_PROJECT_ID: config.auth.projectId,
    HL_AUTH_JWKS_URL: config.auth.jwksUrl,
    HL_PDF_ADDRESS: config.services.pdf.address,
    HL_AI_OPTIMIZER_ADDRESS: config.services.ai.address,
    HL_SCRAPER_ADDRESS: config.services.scraper.address,
  };
}

/**
 * A test cell for the file that calls it, started before its tests and closed after them. Read it
 * in tests and hooks only: until `beforeAll` has run, there is no cell behind it.
 */
export function useTestCell(options: Parameters<typeof startTestCell>[0] = {}): TestCell {
  let started: TestCell | undefined;
  beforeAll(async () => {
    started = await startTestCell(options);
  });
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as TestCell, {
    get(_, key: keyof TestCell) {
      if (!started) throw new Error("the test cell starts in beforeAll: use it inside a test or hook");
      return started[key];
    },
  });
}
