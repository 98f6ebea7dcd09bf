import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { testPlatform, tracingEnv } from "./platform.ts";
import { freePort } from "./ports.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

export type SharedServiceKind = "pdf" | "ai-optimizer" | "scraper";

export interface ServiceProcess {
  /** host:port, the same across restarts. */
  address: string;
  /** Its Prometheus metrics, `http://host:port/metrics`. */
  metricsUrl: string;
  start(): Promise<void>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * A shared service as its own process (node + tsx, as the platform runs it) on fixed ports, for
 * tests that stop and restart it; other tests use the test platform's long-running ones.
 */
export async function startServiceProcess(
  kind: SharedServiceKind,
  env: Record<string, string> = {},
): Promise<ServiceProcess> {
  const [grpcPort, metricsPort] = [await freePort(), await freePort()];
  const address = `127.0.0.1:${grpcPort}`;
  // Started by its path, as the platform starts it: the kit does not import the service.
  const main = `${repoRoot}shared-services/${kind}/src/main.ts`;
  let child: ChildProcess | undefined;

  async function start() {
    child = spawn(process.execPath, ["--import", "tsx", main], {
      cwd: repoRoot,
      env: {
        ...process.env,
        HL_REGION: "us-east",
        HL_GRPC_HOST: "127.0.0.1",
        HL_GRPC_PORT: String(grpcPort),
        HL_METRICS_PORT: String(metricsPort),
        HL_REDIS_URL: testPlatform().redisUrl,
        HL_LOG_LEVEL: "warn",
        ...tracingEnv(),
        ...env,
      },
      stdio: ["ignore", "ignore", "inherit"],
    });
    // Each service opens its metrics listener only once its gRPC server is bound and serving.
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${kind} exited with ${child.exitCode}`);
      const health = await fetch(`http://127.0.0.1:${metricsPort}/healthz`, {
        signal: AbortSignal.timeout(500),
      }).catch(() => undefined);
      if (health?.ok) return;
      if (Date.now() > deadline) throw new Error(`${kind} not serving after 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function kill(signal: NodeJS.Signals = "SIGKILL") {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill(signal);
    await exited;
  }

  await start();
  return { address, metricsUrl: `http://127.0.0.1:${metricsPort}/metrics`, start, kill };
}
