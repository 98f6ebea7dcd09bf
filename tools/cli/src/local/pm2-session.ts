import { readFile } from "node:fs/promises";
import { join } from "node:path";
import pm2 from "pm2";
import { LocalPlatformError } from "./errors.ts";
import { launchFingerprint, type ProcessSpec } from "./process-table.ts";
import { isProcessAlive, withTimeout } from "./run-command.ts";

/** What pm2 knows about one process, reduced to what the CLI shows and decides on. */
export type SupervisedProcess = {
  /** pm2's id: it grows with every new process, so it orders processes by when they were added. */
  id: number;
  name: string;
  /** pm2's status: online, launching, stopping, stopped, errored, one-launch-status. */
  status: string;
  pid: number | null;
  /** Milliseconds since the current run started; null unless online. */
  uptimeMs: number | null;
  restarts: number;
  /** launchFingerprint() of the spec it was started from. */
  fingerprint: string | undefined;
};

type Callback<T> = (error: Error | null, result: T) => void;
type Pm2Description = {
  pm_id?: number;
  name?: string;
  pid?: number;
  pm2_env?: { status?: string; pm_uptime?: number; restart_time?: number; [key: string]: unknown };
};
/** The slice of pm2's programmatic API used here (its typings describe only the default instance). */
type Pm2Api = {
  connect(noDaemonMode: boolean, callback: Callback<unknown>): void;
  start(options: Record<string, unknown>, callback: Callback<unknown>): void;
  list(callback: Callback<Pm2Description[]>): void;
  stop(name: string, callback: Callback<unknown>): void;
  restart(name: string, callback: Callback<unknown>): void;
  delete(name: string, callback: Callback<unknown>): void;
  disconnect(callback?: Callback<unknown>): void;
};
type Pm2Module = { custom: new (options: { pm2_home: string }) => Pm2Api };

const FINGERPRINT_VARIABLE = "HL_LOCAL_LAUNCH";
/** pm2 calls are local RPC; one that takes this long means a wedged daemon. */
const RPC_TIMEOUT_MS = 60_000;

/** True when the profile's pm2 daemon is alive; checked without connecting, which would spawn one. */
export async function pm2DaemonRunning(pm2Home: string): Promise<boolean> {
  const pid = await daemonPid(pm2Home);
  return pid !== undefined && isProcessAlive(pid);
}

/**
 * Ends the profile's pm2 daemon with SIGTERM (it stops what still runs, then exits) and waits for
 * it to be gone. pm2's own killDaemon() is not used: when the daemon dies before the client closes
 * its socket, the client keeps reconnecting forever and the CLI never exits.
 */
export async function stopPm2Daemon(pm2Home: string, timeoutMs = 60_000): Promise<void> {
  const pid = await daemonPid(pm2Home);
  if (pid === undefined || !isProcessAlive(pid)) return;
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (isProcessAlive(pid)) {
    if (Date.now() > deadline) {
      throw new LocalPlatformError(
        "pm2_failed",
        `the pm2 daemon (pid ${pid}) did not exit within ${timeoutMs} ms`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function daemonPid(pm2Home: string): Promise<number | undefined> {
  const pid = Number((await readFile(join(pm2Home, "pm2.pid"), "utf8").catch(() => "")).trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** A connection to one profile's pm2 daemon (spawned on connect when not running). */
export class Pm2Session {
  private constructor(private readonly api: Pm2Api) {}

  static async connect(pm2Home: string): Promise<Pm2Session> {
    // A daemon is spawned with this process's environment, where PM2_HOME wins over pm2_home.
    const previousHome = process.env.PM2_HOME;
    process.env.PM2_HOME = pm2Home;
    try {
      const api = new (pm2 as unknown as Pm2Module).custom({ pm2_home: pm2Home });
      const session = new Pm2Session(api);
      await session.call("connect", (done) => api.connect(false, done));
      return session;
    } finally {
      if (previousHome === undefined) delete process.env.PM2_HOME;
      else process.env.PM2_HOME = previousHome;
    }
  }

  async list(): Promise<SupervisedProcess[]> {
    const descriptions = await this.call("list", (done: Callback<Pm2Description[]>) => this.api.list(done));
    const now = Date.now();
    return descriptions.map((description) => {
      const env = description.pm2_env ?? {};
      const status = env.status ?? "unknown";
      const fingerprint = env[FINGERPRINT_VARIABLE];
      return {
        id: description.pm_id ?? -1,
        name: description.name ?? "?",
        status,
        pid: description.pid !== undefined && description.pid > 0 ? description.pid : null,
        uptimeMs: status === "online" && env.pm_uptime !== undefined ? now - env.pm_uptime : null,
        restarts: env.restart_time ?? 0,
        fingerprint: typeof fingerprint === "string" ? fingerprint : undefined,
      };
    });
  }

  async start(spec: ProcessSpec, logFile: string): Promise<void> {
    const options = {
      name: spec.name,
      script: spec.script,
      args: spec.args,
      cwd: spec.cwd,
      env: { ...spec.env, [FINGERPRINT_VARIABLE]: launchFingerprint(spec) },
      // Only the spec's environment, not this CLI's, which pm2 would otherwise copy into the process.
      // pm2 drops inherited variables whose name contains a listed string, and every name contains
      // "" (filter_env: true is ignored by pm2 7's programmatic start).
      filter_env: [""],
      // Every process is a native program (node included): no pm2 wrapper, signals go straight to it.
      interpreter: "none",
      // pm2 signals only the main pid (SIGINT, then SIGKILL after kill_timeout); the postmaster
      // and the JVM stop their own children.
      treekill: false,
      kill_timeout: spec.killTimeoutMs,
      autorestart: true,
      restart_delay: 1_000,
      // Ten deaths within 5 s of starting and pm2 gives up (status errored) instead of looping.
      min_uptime: 5_000,
      max_restarts: 10,
      out_file: logFile,
      error_file: logFile,
      merge_logs: true,
    };
    await this.call(`start ${spec.name}`, (done) => this.api.start(options, done));
  }

  stop(name: string): Promise<unknown> {
    return this.call(`stop ${name}`, (done) => this.api.stop(name, done));
  }

  restart(name: string): Promise<unknown> {
    return this.call(`restart ${name}`, (done) => this.api.restart(name, done));
  }

  remove(name: string): Promise<unknown> {
    return this.call(`delete ${name}`, (done) => this.api.delete(name, done));
  }

  /** Closes the connection; the daemon and its processes keep running. */
  close(): void {
    this.api.disconnect();
  }

  private call<T>(what: string, invoke: (done: Callback<T>) => void): Promise<T> {
    const result = new Promise<T>((resolve, reject) =>
      invoke((error, value) => {
        if (error) reject(new LocalPlatformError("pm2_failed", `pm2 ${what}: ${errorMessage(error)}`));
        else resolve(value);
      }),
    );
    return withTimeout(
      result,
      RPC_TIMEOUT_MS,
      () => new LocalPlatformError("pm2_failed", `pm2 ${what}: no answer within ${RPC_TIMEOUT_MS} ms`),
    );
  }
}

/** pm2 sometimes fails with an Error, sometimes with a bare string or an array of them. */
function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (Array.isArray(error)) return error.map(errorMessage).join("; ");
  return String(error);
}
