import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type LocalProfile, placeProfile } from "../../src/local/profile.ts";
import { withProfileLock } from "../../src/local/profile-lock.ts";
import { testTopology } from "../../src/local/topology.ts";

describe("withProfileLock", () => {
  let profile: LocalProfile;

  beforeEach(async () => {
    profile = placeProfile(
      "lock-test",
      testTopology,
      "/repo",
      await mkdtemp(join(tmpdir(), "hireloop-lock-")),
    );
  });

  afterEach(async () => {
    await rm(profile.stateDir, { recursive: true, force: true });
  });

  it("runs holders one after the other and releases the lock", async () => {
    const events: string[] = [];
    const messages: string[] = [];
    const hold = (name: string) =>
      withProfileLock(
        profile,
        (message) => messages.push(message),
        async () => {
          events.push(`${name} in`);
          await new Promise((resolve) => setTimeout(resolve, 300));
          events.push(`${name} out`);
        },
      );
    await Promise.all([
      hold("first"),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => hold("second")),
    ]);
    expect(events).toEqual(["first in", "first out", "second in", "second out"]);
    expect(messages).toEqual([`waiting for process ${process.pid}, which is changing profile lock-test`]);
    expect(existsSync(join(profile.stateDir, "lock"))).toBe(false);
  });

  it("takes over a lock whose holder has died", async () => {
    const finished = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(join(profile.stateDir, "lock"), `${finished}\n`);
    expect(
      await withProfileLock(
        profile,
        () => {},
        async () => "ran",
      ),
    ).toBe("ran");
  });

  it("gives up with platform_busy when the holder stays", async () => {
    await writeFile(join(profile.stateDir, "lock"), `${process.pid}\n`);
    await expect(
      withProfileLock(
        profile,
        () => {},
        async () => "ran",
        300,
      ),
    ).rejects.toMatchObject({
      code: "platform_busy",
    });
  });
});
