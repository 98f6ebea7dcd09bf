import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { createIdTokenVerifier, generateDevKeys } from "@hireloop/identity";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { issueDevToken, planDevToken } from "../src/token.ts";

let dir: string;
let statePath: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "hireloop-cli-token-"));
  statePath = join(dir, ".local", "dev", "platform.json");
  await mkdir(join(dir, ".local", "dev"), { recursive: true });
});

afterEach(() => rm(dir, { recursive: true, force: true }));

async function writePlatformState(state: Record<string, unknown>): Promise<void> {
  await writeFile(statePath, JSON.stringify(state));
}

describe("hireloop token", () => {
  it("refuses without a local platform state file", async () => {
    const outcome = await issueDevToken({ uid: "alice" }, statePath);

    expect(outcome).toMatchObject({ ok: false, exitCode: 2 });
  });

  it("refuses when the platform runs in production mode", async () => {
    await generateDevKeys(join(dir, "keys"));
    await writePlatformState({
      mode: "production",
      projectId: "hireloop-prod",
      keysDir: join(dir, "keys"),
    });

    const outcome = await issueDevToken({ uid: "alice" }, statePath);

    expect(outcome).toMatchObject({ ok: false, exitCode: 2, message: expect.stringContaining("production") });
  });

  it("signs a token the dev platform's verifier accepts", async () => {
    const keysDir = join(dir, "keys");
    const keys = await generateDevKeys(keysDir);
    await writePlatformState({
      mode: "dev",
      projectId: "hireloop-dev",
      keysDir,
      routers: ["127.0.0.1:8080"],
    });

    const outcome = await issueDevToken({ uid: "alice", email: "alice@example.com", ttl: "120" }, statePath);

    if (!outcome.ok || !("token" in outcome))
      throw new Error(`expected a token, got: ${JSON.stringify(outcome)}`);
    const verifier = createIdTokenVerifier({
      projectId: "hireloop-dev",
      keySource: pathToFileURL(keys.jwksPath).href,
    });
    const identity = await verifier.verify(outcome.token);
    expect(identity).toMatchObject({ uid: "alice", email: "alice@example.com" });
    expect(Number(identity.claims.exp) - Number(identity.claims.iat)).toBe(120);
  });

  it("signs for many users at once with --count, each token for its own uid", async () => {
    const keysDir = join(dir, "keys");
    const keys = await generateDevKeys(keysDir);
    await writePlatformState({ mode: "dev", projectId: "hireloop-dev", keysDir });

    const outcome = await issueDevToken({ uid: "load", count: "3" }, statePath);

    if (!outcome.ok || !("users" in outcome))
      throw new Error(`expected users, got: ${JSON.stringify(outcome)}`);
    expect(outcome.users.map((user) => user.uid)).toEqual(["load-1", "load-2", "load-3"]);
    const verifier = createIdTokenVerifier({
      projectId: "hireloop-dev",
      keySource: pathToFileURL(keys.jwksPath).href,
    });
    for (const user of outcome.users)
      expect(await verifier.verify(user.token)).toMatchObject({ uid: user.uid });
  });

  it("fails with exit code 1 when the dev platform has no keys yet", async () => {
    await writePlatformState({ mode: "dev", projectId: "hireloop-dev", keysDir: join(dir, "no-keys") });

    const outcome = await issueDevToken({ uid: "alice" }, statePath);

    expect(outcome).toMatchObject({ ok: false, exitCode: 1 });
  });
});

describe("planDevToken", () => {
  const devState = JSON.stringify({ mode: "dev", projectId: "hireloop-dev", keysDir: "/srv/keys" });

  it("plans signing with the platform's project and key", () => {
    expect(planDevToken({ uid: "alice", ttl: "60" }, devState)).toEqual({
      ok: true,
      plan: {
        uid: "alice",
        projectId: "hireloop-dev",
        privateKeyPath: "/srv/keys/private.jwk.json",
        ttlSeconds: 60,
      },
    });
  });

  it.each([
    ["a state file that is not JSON", { uid: "alice" }, "{mode: dev"],
    ["a state file without a mode", { uid: "alice" }, JSON.stringify({ projectId: "p", keysDir: "/k" })],
    [
      "a relative keysDir",
      { uid: "alice" },
      JSON.stringify({ mode: "dev", projectId: "p", keysDir: "keys" }),
    ],
    ["a missing projectId", { uid: "alice" }, JSON.stringify({ mode: "dev", keysDir: "/k" })],
    ["an empty uid", { uid: "" }, devState],
    ["a negative ttl", { uid: "alice", ttl: "-5" }, devState],
    ["a fractional ttl", { uid: "alice", ttl: "1.5" }, devState],
    ["a ttl that is not a number", { uid: "alice", ttl: "an hour" }, devState],
    ["a count of none", { uid: "load", count: "0" }, devState],
    ["a count that is not a whole number", { uid: "load", count: "2.5" }, devState],
    ["a count above the limit", { uid: "load", count: "10001" }, devState],
    ["one email for many users", { uid: "load", count: "2", email: "a@example.com" }, devState],
  ])("refuses %s", (_case, request, stateText) => {
    expect(planDevToken(request, stateText)).toMatchObject({ ok: false, exitCode: 2 });
  });
});

const DEV_STATE = JSON.stringify({
  mode: "dev",
  projectId: "hireloop-local",
  keysDir: "/work/.local/dev/keys",
});

describe("npx hireloop token", () => {
  it("plans a dev token, with the operator role when asked", () => {
    expect(planDevToken({ uid: "olga", role: "operator" }, DEV_STATE)).toEqual({
      ok: true,
      plan: {
        uid: "olga",
        projectId: "hireloop-local",
        privateKeyPath: "/work/.local/dev/keys/private.jwk.json",
        role: "operator",
      },
    });
    expect(planDevToken({ uid: "alice" }, DEV_STATE)).toMatchObject({ ok: true, plan: { uid: "alice" } });
  });

  it("refuses an unknown role, a platform not in dev mode and a missing platform", () => {
    expect(planDevToken({ uid: "olga", role: "admin" }, DEV_STATE)).toMatchObject({
      ok: false,
      exitCode: 2,
      message: "--role must be one of: operator",
    });
    expect(planDevToken({ uid: "olga" }, JSON.stringify({ mode: "test" }))).toMatchObject({
      ok: false,
      message: expect.stringContaining("dev mode"),
    });
    expect(planDevToken({ uid: "olga" }, undefined)).toMatchObject({ ok: false, exitCode: 2 });
  });
});
