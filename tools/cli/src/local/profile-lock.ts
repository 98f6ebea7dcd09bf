import { mkdir, open, readFile, unlink } from "node:fs/promises";
import { join } from "node:path";
import { LocalPlatformError } from "./errors.ts";
import type { LocalProfile } from "./profile.ts";
import { isProcessAlive } from "./run-command.ts";

const POLL_MS = 250;

/**
 * Runs `fn` while holding the profile's lock file, so that two `up`s (two `make test`s on one
 * machine) never start the same processes twice. A lock left by a dead process is taken over.
 */
export async function withProfileLock<T>(
  profile: LocalProfile,
  report: (message: string) => void,
  fn: () => Promise<T>,
  waitMs = 10 * 60_000,
): Promise<T> {
  const lockFile = join(profile.stateDir, "lock");
  await mkdir(profile.stateDir, { recursive: true });
  const deadline = Date.now() + waitMs;
  let announced = false;
  for (;;) {
    const file = await open(lockFile, "wx").catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EEXIST") return undefined;
      throw error;
    });
    if (file !== undefined) {
      await file.writeFile(`${process.pid}\n`);
      await file.close();
      break;
    }
    const holder = Number((await readFile(lockFile, "utf8").catch(() => "")).trim());
    if (!isProcessAlive(holder)) {
      await unlink(lockFile).catch(() => {});
      continue;
    }
    if (Date.now() > deadline) {
      throw new LocalPlatformError(
        "platform_busy",
        `profile ${profile.name} is still locked by process ${holder} (${lockFile}) after ${waitMs / 1000} s`,
      );
    }
    if (!announced) report(`waiting for process ${holder}, which is changing profile ${profile.name}`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await fn();
  } finally {
    await unlink(lockFile).catch(() => {});
  }
}
