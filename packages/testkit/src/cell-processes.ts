import { type ChildProcess, execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import {
  ensureRouterSigningKey,
  generateDevKeys,
  readKeyFile,
  signDevToken,
  writeCellKey,
} from "@hireloop/identity";
import { testPlatform, tracingEnv } from "./platform.ts";
import { freePort } from "./ports.ts";
import { asRouter } from "./routed.ts";
import { PROJECT_ID } from "./tokens.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
/** Started by its path, as the platform starts it: the kit does not import the cell. */
const cellMain = `${repoRoot}cell/src/main.ts`;

export interface CellProcesses {
  /** The API's port: it answers only requests carrying the router credential (and /healthz). */
  apiUrl: string;
  /** The API's admin listener: /healthz, /readyz, /metrics. */
  adminUrl: string;
  /** The worker's admin listener. */
  workerUrl: string;
  /** This cell's request key, to send requests as the region's router does. */
  cellKey: Buffer;
  /** The region's router signing key the cell's key is derived from. */
  signingKeyFile: string;
  env: Record<string, string>;
  token(uid: string): Promise<string>;
  start(role: "api" | "worker"): Promise<void>;
  kill(role: "api" | "worker", signal?: NodeJS.Signals): Promise<void>;
  stopAll(): Promise<void>;
}

/** Where a region's router signing key lives in a keys folder, and each cell's key derived from it. */
export const routerSigningKeyFile = (keysDir: string, region: string) =>
  join(keysDir, `${region}-router-signing.key`);
const cellKeyFile = (keysDir: string, cellId: string) => join(keysDir, "cells", `${cellId}.key`);

/**
 * The cell as real processes (node + tsx), as the platform runs it, against the test services.
 * `keysDir` shares one token signing key and one router signing key per region between several
 * cells (and their router); by default each cell gets its own. `nodeArgs` go to node before the
 * cell's own (e.g. `--cpu-prof`, which NODE_OPTIONS may not carry).
 */
export async function startCellProcesses(
  databaseUrl: string,
  extraEnv: Record<string, string> = {},
  options: { keysDir?: string; nodeArgs?: string[] } = {},
): Promise<CellProcesses> {
  const platform = testPlatform();
  const keysDir = options.keysDir ?? (await mkdtemp(join(tmpdir(), "hl-drill-keys-")));
  const keys = await generateDevKeys(keysDir);
  const [apiPort, adminPort, workerPort] = [await freePort(), await freePort(), await freePort()];
  const region = extraEnv.HL_REGION ?? "us-east";
  const cellId = extraEnv.HL_CELL_ID ?? "us-east-1";
  const signingKey = await ensureRouterSigningKey(routerSigningKeyFile(keysDir, region));
  await writeCellKey(cellKeyFile(keysDir, cellId), signingKey, cellId);
  const env: Record<string, string> = {
    HL_MODE: "dev",
    HL_REGION: "us-east",
    HL_CELL_ID: "us-east-1",
    HL_DATABASE_URL: databaseUrl,
    HL_REDIS_URL: platform.redisUrl,
    HL_KAFKA_BROKERS: platform.kafkaBrokers.join(","),
    HL_KAFKA_TOPIC: `hl.drill.${randomBytes(5).toString("hex")}`,
    HL_AUTH_PROJECT_ID: PROJECT_ID,
    HL_AUTH_JWKS_URL: `file://${keys.jwksPath}`,
    HL_LOG_LEVEL: "warn",
    HL_PDF_ADDRESS: platform.services.pdf,
    HL_AI_OPTIMIZER_ADDRESS: platform.services.ai,
    HL_SCRAPER_ADDRESS: platform.services.scraper,
    HL_CELL_KEY_FILE: cellKeyFile(keysDir, cellId),
    ...tracingEnv(),
    ...extraEnv,
  };
  const ports = {
    api: { HL_PORT: String(apiPort), HL_ADMIN_PORT: String(adminPort) },
    worker: { HL_ADMIN_PORT: String(workerPort) },
  };
  const adminUrls = { api: `http://127.0.0.1:${adminPort}`, worker: `http://127.0.0.1:${workerPort}` };
  const children = new Map<string, ChildProcess>();

  async function start(role: "api" | "worker") {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", cellMain, role], {
      cwd: repoRoot,
      env: { ...process.env, ...env, ...ports[role] },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.set(role, child);
    await waitHealthy(`${adminUrls[role]}/healthz`, child);
  }

  async function kill(role: "api" | "worker", signal: NodeJS.Signals = "SIGKILL") {
    const child = children.get(role);
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill(signal);
    await exited;
  }

  try {
    await start("api");
    await start("worker");
  } catch (error) {
    // A cell that did not come up leaves no process behind.
    await kill("api");
    await kill("worker");
    throw error;
  }
  return {
    apiUrl: `http://127.0.0.1:${apiPort}`,
    adminUrl: adminUrls.api,
    workerUrl: adminUrls.worker,
    cellKey: readKeyFile(cellKeyFile(keysDir, cellId)),
    signingKeyFile: routerSigningKeyFile(keysDir, region),
    env,
    token: (uid) => signDevToken({ uid, projectId: PROJECT_ID, privateKeyPath: keys.privateKeyPath }),
    start,
    kill,
    async stopAll() {
      await kill("api", "SIGTERM");
      await kill("worker", "SIGTERM");
    },
  };
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms`);
}

const exec = promisify(execFile);

/** Stops or starts one process of the test platform (postgres, redis, kafka) through the operator CLI. */
export async function platformProcess(action: "stop" | "start", name: string): Promise<void> {
  await exec("npx", ["hireloop", "local", action, name, "--profile", "test"], {
    cwd: repoRoot,
    timeout: 120_000,
  });
}

/** An HTTP client for a cell process, authenticated as uid, sending as the region's router does. */
export function client(cell: CellProcesses, uid: string) {
  return async (path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${await cell.token(uid)}`);
    const url = `${cell.apiUrl}${path}`;
    return fetch(url, {
      ...asRouter(cell.cellKey, url, { ...init, headers }),
      signal: AbortSignal.timeout(15_000),
    });
  };
}
