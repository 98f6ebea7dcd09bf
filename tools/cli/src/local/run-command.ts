import { execFile } from "node:child_process";
import { LocalPlatformError } from "./errors.ts";

export type CommandOptions = { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number };

/** Runs a program to completion; on failure the error carries the end of its output. */
export function runCommand(command: string, args: string[], options: CommandOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env, timeout: options.timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve(stdout);
          return;
        }
        const why = error.killed ? `timed out after ${options.timeoutMs} ms` : `exited with ${error.code}`;
        const output = lastLines(`${stdout}\n${stderr}`, 20);
        reject(
          new LocalPlatformError("setup_failed", `${[command, ...args].join(" ")} ${why}\n${output}`, {
            cause: error,
          }),
        );
      },
    );
  });
}

export function lastLines(text: string, count: number): string {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .slice(-count)
    .join("\n");
}

/** Rejects with `onTimeout()` when `promise` has not settled in time; every external call goes through it. */
export async function withTimeout<T>(
  promise: Promise<T>,
  timeoutMs: number,
  onTimeout: () => Error,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** True while a process with this pid exists (signal 0 checks without signalling). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
