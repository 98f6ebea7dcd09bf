import { open } from "node:fs/promises";
import { join } from "node:path";
import type { LocalProfile } from "./profile.ts";

/** pm2 writes each process's stdout and stderr, interleaved, to one file. */
export function logFileOf(profile: LocalProfile, name: string): string {
  return join(profile.logsDir, `${name}.log`);
}

const TAIL_BYTES = 256 * 1024;

/** The last `count` lines of a log file; empty when it does not exist yet. */
export async function lastLogLines(path: string, count: number): Promise<string[]> {
  const file = await open(path, "r").catch(() => undefined);
  if (file === undefined) return [];
  try {
    const { size } = await file.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await file.read(buffer, 0, length, size - length);
    const lines = buffer.toString("utf8").split("\n");
    if (lines.at(-1) === "") lines.pop();
    // A partial first line is what reading from the middle of a file leaves; it is dropped.
    if (length < size) lines.shift();
    return lines.slice(-count);
  } finally {
    await file.close();
  }
}
