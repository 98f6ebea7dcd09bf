import { existsSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { LocalPlatformError } from "./errors.ts";
import { lastLogLines, logFileOf } from "./log-files.ts";
import { removePlatformState, writePlatformState } from "./platform-state.ts";
import { Pm2Session, pm2DaemonRunning, type SupervisedProcess, stopPm2Daemon } from "./pm2-session.ts";
import { portInUse, probe } from "./probes.ts";
import { launchFingerprint, type ProcessSpec, processTable } from "./process-table.ts";
import type { LocalProfile } from "./profile.ts";
import { withProfileLock } from "./profile-lock.ts";
import { type Report, runSetupStep } from "./setup-steps.ts";
import { findToolchain } from "./toolchain.ts";
import { topologyProblems } from "./topology-problems.ts";

export type ProcessOutcome = {
  name: string;
  /** reused: already online with the same launch; replaced: online with another launch, restarted. */
  action: "started" | "restarted" | "replaced" | "reused" | "skipped";
  detail: string;
};

export type UpResult =
  | { ok: true; processes: ProcessOutcome[]; table: ProcessSpec[] }
  | { ok: false; processes: ProcessOutcome[]; failures: LocalPlatformError[]; table: ProcessSpec[] };

const POLL_INTERVAL_MS = 500;
const LOG_LINES_IN_ERRORS = 15;
const CRASHES_BEFORE_GIVING_UP = 2;

/** The profile's process table, after checking its topology and the installed programs. */
export async function loadProcessTable(profile: LocalProfile): Promise<ProcessSpec[]> {
  const problems = topologyProblems(profile.topology);
  if (problems.length > 0) {
    throw new LocalPlatformError("topology_invalid", `profile ${profile.name}: ${problems.join("; ")}`);
  }
  return processTable(profile, await findToolchain(profile.repoRoot));
}

/**
 * Starts whatever is not running (all processes, or `only` and what they depend on), reuses what
 * is, and waits until each is healthy. Processes start as soon as their dependencies are healthy.
 */
export function bringUp(profile: LocalProfile, report: Report, only?: string[]): Promise<UpResult> {
  return withProfileLock(profile, report, () => bringUpLocked(profile, report, only));
}

async function bringUpLocked(profile: LocalProfile, report: Report, only?: string[]): Promise<UpResult> {
  const table = await loadProcessTable(profile);
  const targets = only === undefined ? table : only.map((name) => specNamed(table, name));
  // The postgres user must be able to reach its data directory below the state directory.
  await mkdir(profile.logsDir, { recursive: true });
  await chmod(profile.stateDir, 0o755);
  const session = await Pm2Session.connect(profile.pm2Home);
  try {
    const supervised = new Map((await session.list()).map((process) => [process.name, process]));
    const setupRuns = new Map<string, Promise<void>>();
    const runs = new Map<string, Promise<ProcessOutcome>>();

    // A process's steps run in order (a config is rendered before it is used); a step shared by
    // several processes (a cell's migrations) runs once.
    const runSetup = async (spec: ProcessSpec) => {
      for (const step of spec.setup) {
        const key = JSON.stringify(step);
        const run = setupRuns.get(key) ?? runSetupStep(step, (message) => report(`${spec.name}: ${message}`));
        setupRuns.set(key, run);
        await run;
      }
    };

    const ensure = (spec: ProcessSpec): Promise<ProcessOutcome> => {
      const existing = runs.get(spec.name);
      if (existing !== undefined) return existing;
      const run = (async (): Promise<ProcessOutcome> => {
        const missing = spec.requires.filter((file) => !existsSync(join(profile.repoRoot, file)));
        if (missing.length > 0) {
          return { name: spec.name, action: "skipped", detail: `${missing.join(", ")} does not exist yet` };
        }
        const dependencies = await Promise.allSettled(
          spec.dependsOn.map((name) => ensure(specNamed(table, name))),
        );
        const unready = spec.dependsOn.filter((_name, index) => {
          const dependency = dependencies[index];
          return dependency?.status !== "fulfilled" || dependency.value.action === "skipped";
        });
        if (unready.length > 0) {
          throw new LocalPlatformError(
            "dependency_failed",
            `${spec.name} was not started: ${unready.join(", ")} did not come up`,
          );
        }
        const action = await launch(spec, supervised.get(spec.name), session, profile, () => runSetup(spec));
        const startedWaiting = Date.now();
        await waitUntilHealthy(spec, session, profile);
        const seconds = ((Date.now() - startedWaiting) / 1000).toFixed(1);
        report(`${spec.name}: ${action}, healthy${action === "reused" ? "" : ` after ${seconds} s`}`);
        return { name: spec.name, action, detail: spec.endpoint };
      })();
      runs.set(spec.name, run);
      return run;
    };

    const settled = await Promise.allSettled(targets.map(ensure));
    // Dependencies that were brought up on the way are part of the answer too.
    const outcomes = await Promise.allSettled([...runs.values()]);
    const processes = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
    const failures = unique(
      [...settled, ...outcomes].flatMap((outcome) =>
        outcome.status === "rejected" ? [asLocalError(outcome.reason)] : [],
      ),
    );
    if (failures.length > 0) return { ok: false, processes, failures, table };
    if (only === undefined) await writePlatformState(profile);
    return { ok: true, processes, table };
  } finally {
    session.close();
  }
}

async function launch(
  spec: ProcessSpec,
  current: SupervisedProcess | undefined,
  session: Pm2Session,
  profile: LocalProfile,
  setup: () => Promise<unknown>,
): Promise<ProcessOutcome["action"]> {
  const fingerprint = launchFingerprint(spec);
  if (current?.status === "online" && current.fingerprint === fingerprint) return "reused";
  await setup();
  if (current !== undefined && current.fingerprint !== fingerprint) {
    await session.remove(spec.name);
    await assertPortsFree(spec);
    await session.start(spec, logFileOf(profile, spec.name));
    return "replaced";
  }
  await assertPortsFree(spec);
  if (current === undefined) {
    await session.start(spec, logFileOf(profile, spec.name));
    return "started";
  }
  await session.restart(spec.name);
  return "restarted";
}

async function assertPortsFree(spec: ProcessSpec): Promise<void> {
  for (const port of spec.ports) {
    if (await portInUse("127.0.0.1", port)) {
      throw new LocalPlatformError(
        "port_in_use",
        `${spec.name} cannot start: port ${port} is taken by a process this profile's pm2 does not supervise ` +
          "(an orphan of an earlier run, or another program); stop it and run up again",
      );
    }
  }
}

async function waitUntilHealthy(
  spec: ProcessSpec,
  session: Pm2Session,
  profile: LocalProfile,
): Promise<void> {
  const deadline = Date.now() + spec.startTimeoutMs;
  let firstRestarts: number | undefined;
  for (;;) {
    const health = await probe(spec.health);
    if (health.healthy) return;
    const process = (await session.list()).find((candidate) => candidate.name === spec.name);
    if (process === undefined || process.status === "errored" || process.status === "stopped") {
      const status = process?.status ?? "gone";
      throw await failureWithLog(
        "process_crashed",
        `${spec.name} is ${status} instead of serving`,
        spec,
        profile,
      );
    }
    firstRestarts ??= process.restarts;
    // pm2 would keep restarting a process that crashes at start-up; twice is proof enough.
    if (process.restarts - firstRestarts >= CRASHES_BEFORE_GIVING_UP) {
      throw await failureWithLog(
        "process_crashed",
        `${spec.name} crashed ${process.restarts - firstRestarts} times while starting`,
        spec,
        profile,
      );
    }
    if (Date.now() > deadline) {
      throw await failureWithLog(
        "start_timeout",
        `${spec.name} was not healthy within ${spec.startTimeoutMs / 1000} s (last check: ${health.detail})`,
        spec,
        profile,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

async function failureWithLog(
  code: "process_crashed" | "start_timeout",
  message: string,
  spec: ProcessSpec,
  profile: LocalProfile,
): Promise<LocalPlatformError> {
  const logFile = logFileOf(profile, spec.name);
  const lines = await lastLogLines(logFile, LOG_LINES_IN_ERRORS);
  const tail = lines.length > 0 ? `\n${lines.map((line) => `  | ${line}`).join("\n")}` : " (empty)";
  return new LocalPlatformError(code, `${message}\n  log: ${logFile}${tail}`);
}

/** Stops one process (for failure drills); pm2 keeps it listed as stopped until `start` or `up`. */
export async function stopProcess(profile: LocalProfile, name: string, report: Report): Promise<void> {
  await withProfileLock(profile, report, () => stopProcessLocked(profile, name));
}

async function stopProcessLocked(profile: LocalProfile, name: string): Promise<void> {
  const session = await connectToRunningDaemon(profile);
  try {
    const known = (await session.list()).map((process) => process.name);
    if (!known.includes(name)) {
      throw new LocalPlatformError(
        "unknown_process",
        `no process ${name} in profile ${profile.name} (known: ${known.join(", ") || "none"})`,
      );
    }
    await session.stop(name);
  } finally {
    session.close();
  }
}

/**
 * Stops every process of the profile, newest first (pm2 ids grow in start order and `up` starts a
 * process only after its dependencies, so dependents stop before what they depend on), then the
 * profile's pm2 daemon itself.
 */
export async function bringDown(profile: LocalProfile, report: Report): Promise<void> {
  if (!(await pm2DaemonRunning(profile.pm2Home))) {
    await removePlatformState(profile);
    report(`nothing runs in profile ${profile.name}`);
    return;
  }
  await withProfileLock(profile, report, () => bringDownLocked(profile, report));
}

async function bringDownLocked(profile: LocalProfile, report: Report): Promise<void> {
  await removePlatformState(profile);
  const session = await Pm2Session.connect(profile.pm2Home);
  try {
    const processes = (await session.list()).sort((a, b) => b.id - a.id);
    for (const process of processes) {
      if (process.status !== "stopped") {
        await session.stop(process.name);
        report(`${process.name}: stopped`);
      }
    }
  } finally {
    session.close();
  }
  await stopPm2Daemon(profile.pm2Home);
  report(`pm2 daemon of profile ${profile.name} stopped`);
}

async function connectToRunningDaemon(profile: LocalProfile): Promise<Pm2Session> {
  if (!(await pm2DaemonRunning(profile.pm2Home))) {
    throw new LocalPlatformError(
      "platform_not_running",
      `profile ${profile.name} is not running (start it with: hireloop local up --profile ${profile.name})`,
    );
  }
  return Pm2Session.connect(profile.pm2Home);
}

export function specNamed(table: ProcessSpec[], name: string): ProcessSpec {
  const spec = table.find((candidate) => candidate.name === name);
  if (spec === undefined) {
    throw new LocalPlatformError(
      "unknown_process",
      `no process ${name} in this profile (known: ${table.map((candidate) => candidate.name).join(", ")})`,
    );
  }
  return spec;
}

function asLocalError(reason: unknown): LocalPlatformError {
  if (reason instanceof LocalPlatformError) return reason;
  const message = reason instanceof Error ? reason.message : String(reason);
  return new LocalPlatformError("setup_failed", message, { cause: reason });
}

function unique(errors: LocalPlatformError[]): LocalPlatformError[] {
  return errors.filter(
    (error, index) => errors.findIndex((other) => other.message === error.message) === index,
  );
}
