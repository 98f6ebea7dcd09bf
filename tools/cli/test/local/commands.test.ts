import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerLocalCommands } from "../../src/local/index.ts";
import { pm2DaemonRunning } from "../../src/local/pm2-session.ts";
import { portInUse } from "../../src/local/probes.ts";
import { type LocalProfile, placeProfile } from "../../src/local/profile.ts";
import type { PlatformStatus } from "../../src/local/status.ts";
import type { Topology } from "../../src/local/topology.ts";
import { repositoryRoot } from "../../src/paths.ts";

/**
 * The `hireloop local` commands, end to end, on a platform of their own: real pm2, Postgres, Redis
 * and Kafka on free ports with state in a temporary folder, so neither the dev nor the test
 * platform is touched.
 */

async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = createServer();
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return server;
    }),
  );
  const ports = servers.map((server) => (server.address() as AddressInfo).port);
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  return ports;
}

type Run = { exitCode: number; out: string; err: string };

async function hireloop(profile: LocalProfile, ...args: string[]): Promise<Run> {
  const run: Run = { exitCode: 0, out: "", err: "" };
  const program = new Command("hireloop").exitOverride();
  registerLocalCommands(program, {
    resolveProfile: () => profile,
    out: (text) => {
      run.out += `${text}\n`;
    },
    err: (text) => {
      run.err += `${text}\n`;
    },
    setExitCode: (code) => {
      run.exitCode = code;
    },
  });
  await program.parseAsync(["node", "hireloop", "local", ...args]);
  return run;
}

function statusOf(run: Run): PlatformStatus {
  return JSON.parse(run.out) as PlatformStatus;
}

describe("hireloop local", () => {
  let profile: LocalProfile;
  let redisPort: number;

  beforeAll(async () => {
    const [postgres, redis, kafka, controller] = await freePorts(4);
    if (postgres === undefined || redis === undefined || kafka === undefined || controller === undefined) {
      throw new Error("no free ports");
    }
    redisPort = redis;
    const topology: Topology = {
      mode: "test",
      defaultRegion: "us-east",
      authProjectId: "hireloop-cli-test",
      logLevel: "warn",
      postgres: { name: "postgres", port: postgres, durable: false, maxConnections: 20 },
      redis: [{ name: "redis", port: redis }],
      kafka: [{ name: "kafka", region: "us-east", port: kafka, controllerPort: controller }],
      mirrors: [],
      cells: [],
      routers: [],
      services: [],
    };
    const stateDir = await mkdtemp(join(tmpdir(), "hireloop-local-"));
    profile = placeProfile("cli-test", topology, repositoryRoot(), stateDir);
  }, 10_000);

  afterAll(async () => {
    if (profile === undefined) return;
    await hireloop(profile, "down");
    await rm(profile.stateDir, { recursive: true, force: true });
  }, 120_000);

  it("up starts every process, waits until healthy and writes the platform state", async () => {
    const up = await hireloop(profile, "up");
    expect(up.err).toBe("");
    expect(up.exitCode).toBe(0);
    expect(up.out).toContain("profile cli-test is up");
    const state = JSON.parse(await readFile(profile.platformFile, "utf8"));
    expect(state).toEqual({
      mode: "test",
      postgresUrl: `postgres://hireloop@127.0.0.1:${profile.topology.postgres.port}/postgres`,
      redisUrl: `redis://127.0.0.1:${redisPort}`,
      kafkaBrokers: `127.0.0.1:${profile.topology.kafka[0]?.port}`,
      regions: { "us-east": { kafkaBrokers: `127.0.0.1:${profile.topology.kafka[0]?.port}` } },
      services: {},
      pm2Home: profile.pm2Home,
    });
  }, 180_000);

  it("up again reuses the running processes", async () => {
    const up = await hireloop(profile, "up");
    expect(up.exitCode).toBe(0);
    expect(up.out).toMatch(/postgres: reused/);
    expect(up.out).toMatch(/redis: reused/);
    expect(up.out).toMatch(/kafka: reused/);
  }, 60_000);

  it("status checks each process for real and exits 0 when all are healthy", async () => {
    const status = await hireloop(profile, "status", "--json");
    expect(status.exitCode).toBe(0);
    const report = statusOf(status);
    expect(report.ok).toBe(true);
    expect(report.processes.map((process) => [process.name, process.pm2, process.health])).toEqual([
      ["postgres", "online", "healthy"],
      ["redis", "online", "healthy"],
      ["kafka", "online", "healthy"],
    ]);
    expect(report.processes.every((process) => typeof process.pid === "number")).toBe(true);
  }, 30_000);

  it("stop takes a process down and status exits 1 naming it", async () => {
    const stop = await hireloop(profile, "stop", "redis");
    expect(stop.exitCode).toBe(0);
    expect(await portInUse("127.0.0.1", redisPort)).toBe(false);
    const status = await hireloop(profile, "status", "--json");
    expect(status.exitCode).toBe(1);
    const redis = statusOf(status).processes.find((process) => process.name === "redis");
    expect(redis).toMatchObject({ pm2: "stopped", health: "unhealthy" });
  }, 60_000);

  it("start brings it back and waits until it is healthy", async () => {
    const start = await hireloop(profile, "start", "redis");
    expect(start.err).toBe("");
    expect(start.exitCode).toBe(0);
    expect(start.out).toMatch(/redis: restarted, healthy/);
    expect((await hireloop(profile, "status")).exitCode).toBe(0);
  }, 60_000);

  it("logs prints the log file and its last lines", async () => {
    const logs = await hireloop(profile, "logs", "redis", "--lines", "200");
    expect(logs.exitCode).toBe(0);
    expect(logs.out).toContain(`==> ${join(profile.logsDir, "redis.log")} <==`);
    expect(logs.out).toContain("Ready to accept connections");
  }, 30_000);

  it("refuses an unknown process with its code", async () => {
    const stop = await hireloop(profile, "stop", "nope");
    expect(stop.exitCode).toBe(1);
    expect(stop.err).toMatch(/\[unknown_process\] no process nope/);
  }, 30_000);

  it("down stops everything and the pm2 daemon", async () => {
    const down = await hireloop(profile, "down");
    expect(down.exitCode).toBe(0);
    expect(await pm2DaemonRunning(profile.pm2Home)).toBe(false);
    expect(await portInUse("127.0.0.1", profile.topology.postgres.port)).toBe(false);
    expect(await portInUse("127.0.0.1", redisPort)).toBe(false);
    expect(existsSync(profile.platformFile)).toBe(false);
    const status = await hireloop(profile, "status", "--json");
    expect(status.exitCode).toBe(1);
    expect(statusOf(status).pm2Daemon).toBe(false);
  }, 120_000);
});
