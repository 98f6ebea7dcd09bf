import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { testPlatform, tracingEnv } from "./platform.ts";
import { freePort } from "./ports.ts";
import { routerKeysEnv } from "./regions.ts";
import { PROJECT_ID } from "./tokens.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const routerMain = `${repoRoot}router/src/main.ts`;

export interface RouterProcess {
  url: string;
  /** The admin listener: /healthz, /readyz with detail, /metrics. */
  adminUrl: string;
  child: ChildProcess;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface RouterProcessOptions {
  /** The router's port; a free one when not given. */
  port?: number;
  /**
   * Where the router writes a V8 CPU profile (`node --cpu-prof`) when it stops: off unless given,
   * for a bench run that wants to see where the router's time goes.
   */
  cpuProfileDir?: string;
}

/** The router as the platform runs it: `node --import tsx router/src/main.ts` configured by env. */
export async function startRouterProcess(
  env: Record<string, string>,
  options: RouterProcessOptions = {},
): Promise<RouterProcess> {
  const port = options.port ?? (await freePort());
  const adminPort = await freePort();
  const region = env.HL_REGION ?? "us-east";
  const keysEnv = env.HL_AUTH_JWKS_URL ? await routerKeysEnv(env.HL_AUTH_JWKS_URL, region) : {};
  const profiling = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const child = spawn(process.execPath, [...profiling, "--import", "tsx", routerMain], {
    cwd: repoRoot,
    env: {
      ...process.env,
      HL_REGION: region,
      HL_PORT: String(port),
      HL_ADMIN_PORT: String(adminPort),
      ...keysEnv,
      HL_REDIS_URL: testPlatform().redisUrl,
      HL_AUTH_PROJECT_ID: PROJECT_ID,
      HL_LOG_LEVEL: "warn",
      HL_RATE_LIMIT_PREFIX: `hl:test:${randomBytes(5).toString("hex")}`,
      ...tracingEnv(),
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/readyz`, child);
  return {
    url,
    adminUrl: `http://127.0.0.1:${adminPort}`,
    child,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the router exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`${url} not ready after ${timeoutMs} ms`);
}
