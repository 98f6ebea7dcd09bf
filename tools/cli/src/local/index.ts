import { type Command, Option } from "commander";
import { repositoryRoot } from "../paths.ts";
import { describeError, LocalPlatformError } from "./errors.ts";
import { bringDown, bringUp, stopProcess, type UpResult } from "./lifecycle.ts";
import { lastLogLines, logFileOf } from "./log-files.ts";
import { builtInProfile, type LocalProfile } from "./profile.ts";
import { formatStatus, knownProcessNames, platformStatus } from "./status.ts";
import { isProfileName, profileTopologies } from "./topology.ts";

/** What the commands touch outside themselves; tests pass their own profile and capture output. */
export type LocalCommandDeps = {
  resolveProfile: (name: string) => LocalProfile;
  out: (text: string) => void;
  err: (text: string) => void;
  setExitCode: (code: number) => void;
};

const defaultDeps: LocalCommandDeps = {
  resolveProfile: (name) => {
    if (!isProfileName(name)) throw new LocalPlatformError("unknown_profile", `unknown profile ${name}`);
    return builtInProfile(name, repositoryRoot());
  },
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  setExitCode: (code) => {
    process.exitCode = code;
  },
};

export function registerLocalCommands(program: Command, deps: LocalCommandDeps = defaultDeps): void {
  const { out, err } = deps;
  const profileOption = () =>
    new Option("--profile <name>", "which local platform")
      .choices(Object.keys(profileTopologies))
      .default("dev");
  /** Every failure ends as one line per error with its code, and exit status 1. */
  const action =
    <A extends unknown[]>(run: (...args: A) => Promise<boolean>) =>
    async (...args: A) => {
      try {
        if (!(await run(...args))) deps.setExitCode(1);
      } catch (error) {
        err(`error ${describeError(error)}`);
        deps.setExitCode(1);
      }
    };

  const local = program
    .command("local")
    .description("run the Hireloop platform on this machine (Postgres, Redis, Kafka and cells under pm2)");

  local
    .command("up")
    .description("create what is missing, start what is not running, wait until every process is healthy")
    .addOption(profileOption())
    .action(
      action(async (options: { profile: string }) => {
        const profile = deps.resolveProfile(options.profile);
        const startedAt = Date.now();
        const result = await bringUp(profile, out);
        reportUp(profile, result, (Date.now() - startedAt) / 1000, deps);
        return result.ok;
      }),
    );

  local
    .command("down")
    .description("stop every process of the profile and its pm2 daemon")
    .addOption(profileOption())
    .action(
      action(async (options: { profile: string }) => {
        await bringDown(deps.resolveProfile(options.profile), out);
        return true;
      }),
    );

  local
    .command("status")
    .description("pm2 state and a real health check of every process; exits 1 when one is unhealthy")
    .addOption(profileOption())
    .option("--json", "machine-readable output")
    .action(
      action(async (options: { profile: string; json?: boolean }) => {
        const status = await platformStatus(deps.resolveProfile(options.profile));
        out(options.json ? JSON.stringify(status, null, 2) : formatStatus(status));
        return status.ok;
      }),
    );

  local
    .command("stop")
    .description("stop one process (failure drills); `up` or `start` brings it back")
    .argument("<name>", "process name, as listed by status")
    .addOption(profileOption())
    .action(
      action(async (name: string, options: { profile: string }) => {
        await stopProcess(deps.resolveProfile(options.profile), name, out);
        out(`${name}: stopped`);
        return true;
      }),
    );

  local
    .command("start")
    .description("start one process (and what it depends on) and wait until it is healthy")
    .argument("<name>", "process name, as listed by status")
    .addOption(profileOption())
    .action(
      action(async (name: string, options: { profile: string }) => {
        const result = await bringUp(deps.resolveProfile(options.profile), out, [name]);
        if (!result.ok) for (const failure of result.failures) err(`error ${describeError(failure)}`);
        return result.ok;
      }),
    );

  local
    .command("logs")
    .description("print where a process logs and its last lines (every process when no name is given)")
    .argument("[name]", "process name, as listed by status")
    .option("-n, --lines <count>", "how many lines", "40")
    .addOption(profileOption())
    .action(
      action(async (name: string | undefined, options: { profile: string; lines: string }) => {
        const profile = deps.resolveProfile(options.profile);
        const count = Number(options.lines);
        if (!Number.isInteger(count) || count < 1)
          throw new TypeError("--lines must be a positive whole number");
        const names = await knownProcessNames(profile);
        if (name !== undefined && !names.includes(name)) {
          throw new LocalPlatformError("unknown_process", `no process ${name} (known: ${names.join(", ")})`);
        }
        for (const each of name === undefined ? names : [name]) {
          const file = logFileOf(profile, each);
          out(`==> ${file} <==`);
          for (const line of await lastLogLines(file, count)) out(line);
        }
        return true;
      }),
    );
}

function reportUp(profile: LocalProfile, result: UpResult, seconds: number, deps: LocalCommandDeps): void {
  if (!result.ok) {
    for (const failure of result.failures) deps.err(`error ${describeError(failure)}`);
    deps.err(`profile ${profile.name} is NOT up; see the errors above`);
    return;
  }
  const width = Math.max(...result.table.map((spec) => spec.name.length));
  deps.out(`\nprofile ${profile.name} is up (${seconds.toFixed(1)} s):`);
  for (const spec of result.table) {
    const outcome = result.processes.find((process) => process.name === spec.name);
    const shown = outcome?.action === "skipped" ? `skipped: ${outcome.detail}` : spec.endpoint;
    deps.out(`  ${spec.name.padEnd(width)}  ${shown}`);
  }
  deps.out(`state: ${profile.platformFile}\nlogs:  ${profile.logsDir}`);
}
