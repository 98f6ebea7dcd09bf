import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pickRegion, type RegionReadiness, runRegions } from "../src/regions.ts";

describe("pickRegion", () => {
  const region = (name: string, ready: boolean, rttMs: number | undefined) => ({
    region: name,
    ready,
    rttMs,
  });

  it("chooses the ready region with the lowest round trip", () => {
    const samples = [
      region("us-east", true, 40),
      region("eu-central", true, 12),
      region("ap-south", true, 90),
    ];
    expect(pickRegion(samples, "us-east")?.region).toBe("eu-central");
  });

  it("never chooses a region that is not ready, however fast it answers", () => {
    const samples = [region("us-east", false, 1), region("eu-central", true, 80)];
    expect(pickRegion(samples, "us-east")?.region).toBe("eu-central");
  });

  it("breaks a tie in favour of the platform's default region, whatever the order", () => {
    const samples = [region("us-east", true, 5), region("eu-central", true, 5)];
    expect(pickRegion(samples, "eu-central")?.region).toBe("eu-central");
    expect(pickRegion([...samples].reverse(), "us-east")?.region).toBe("us-east");
  });

  it("breaks a tie the default region is not part of by region name", () => {
    const samples = [region("us-east", true, 5), region("eu-central", true, 5), region("ap-south", true, 9)];
    expect(pickRegion(samples, "ap-south")?.region).toBe("eu-central");
  });

  it("chooses nothing when no region is ready", () => {
    expect(pickRegion([region("us-east", false, 3), region("eu-central", false, undefined)], "us-east")).toBe(
      undefined,
    );
    expect(pickRegion([], "us-east")).toBe(undefined);
  });
});

/** A router stand-in: /readyz answers with whatever status the test sets; every other path is 404. */
type FakeRouter = { url: string; server: Server; readyStatus: number; readyzHits: number };

async function startRouter(readyStatus: number, delayMs = 0): Promise<FakeRouter> {
  const router: FakeRouter = { url: "", server: createServer(), readyStatus, readyzHits: 0 };
  router.server.on("request", (request, response) => {
    if (request.url !== "/readyz") {
      response.writeHead(404).end();
      return;
    }
    router.readyzHits += 1;
    setTimeout(() => response.writeHead(router.readyStatus).end(), delayMs);
  });
  await new Promise<void>((resolve) => router.server.listen(0, "127.0.0.1", resolve));
  router.url = `http://127.0.0.1:${(router.server.address() as AddressInfo).port}`;
  return router;
}

async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/** The default region is the one answering 503: being the default must not make it chosen. */
async function writePlatformState(path: string, routers: [region: string, url: string][]): Promise<void> {
  const state = {
    mode: "dev",
    region: "eu-central",
    routers: routers.map(([region, url]) => ({
      id: `${region}-router`,
      region,
      url,
      controlDatabaseUrl: "postgres://unused",
    })),
  };
  await writeFile(path, JSON.stringify(state));
}

async function run(options: { json?: boolean; pick?: boolean }, platformStatePath: string) {
  let stdout = "";
  let stderr = "";
  const exitCode = await runRegions(options, {
    platformStatePath,
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { exitCode, stdout, stderr };
}

describe("hireloop regions against real routers", () => {
  let dir: string;
  let platformStatePath: string;
  let ready: FakeRouter;
  let unready: FakeRouter;
  let slow: FakeRouter;
  let closedUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "hireloop-regions-"));
    platformStatePath = join(dir, "platform.json");
    [ready, unready, slow, closedUrl] = await Promise.all([
      startRouter(200),
      startRouter(503),
      startRouter(200, 1_500),
      closedPortUrl(),
    ]);
    await writePlatformState(platformStatePath, [
      ["us-east", ready.url],
      ["eu-central", unready.url],
      ["ap-south", closedUrl],
    ]);
  });

  afterAll(async () => {
    for (const router of [ready, unready, slow]) router.server.closeAllConnections();
    await Promise.all([ready, unready, slow].map((r) => new Promise((resolve) => r.server.close(resolve))));
    await rm(dir, { recursive: true, force: true });
  });

  it("reports readiness, round trip and the region GeoDNS would choose as JSON", async () => {
    const withSlowRegion = join(dir, "with-slow-region.json");
    await writePlatformState(withSlowRegion, [
      ["us-east", ready.url],
      ["eu-central", unready.url],
      ["ap-south", closedUrl],
      ["sa-east", slow.url],
    ]);
    const hitsBefore = ready.readyzHits;
    const { exitCode, stdout, stderr } = await run({ json: true }, withSlowRegion);
    expect(exitCode).toBe(0);
    expect(stderr).toBe("");
    const report = JSON.parse(stdout) as {
      defaultRegion: string;
      chosen: string | null;
      error: unknown;
      regions: (Omit<RegionReadiness, "rttMs"> & { rttMs: number | null })[];
    };
    expect(report.defaultRegion).toBe("eu-central");
    expect(report.chosen).toBe("us-east");
    expect(report.error).toBe(null);
    const byRegion = Object.fromEntries(report.regions.map((r) => [r.region, r]));
    expect(byRegion["us-east"]).toMatchObject({ url: ready.url, ready: true });
    expect(byRegion["us-east"]?.rttMs).toBeGreaterThanOrEqual(0);
    expect(byRegion["us-east"]?.rttMs).toBeLessThan(1_000);
    expect(byRegion["us-east"]?.samples).toHaveLength(3);
    expect(ready.readyzHits - hitsBefore).toBe(3);
    expect(byRegion["eu-central"]).toMatchObject({ ready: false, detail: "503" });
    expect(byRegion["eu-central"]?.rttMs).toBeTypeOf("number");
    expect(byRegion["ap-south"]).toMatchObject({ ready: false, rttMs: null });
    expect(byRegion["ap-south"]?.detail).toMatch(/ECONNREFUSED/);
    expect(byRegion["sa-east"]).toMatchObject({
      ready: false,
      rttMs: null,
      detail: "no answer within 1000 ms",
    });
  });

  it("prints a table marking the chosen region", async () => {
    const { exitCode, stdout } = await run({}, platformStatePath);
    expect(exitCode).toBe(0);
    const lines = stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^REGION\s+URL\s+READY\s+RTT$/);
    expect(lines.filter((line) => line.includes("<- GeoDNS"))).toEqual([
      expect.stringMatching(new RegExp(`^us-east\\s+${ready.url}\\s+yes\\s+\\d+ ms\\s+<- GeoDNS$`)),
    ]);
    expect(lines.find((line) => line.startsWith("eu-central"))).toMatch(/\sno\s.*\s503$/);
  });

  it("--pick prints only the chosen router's URL", async () => {
    expect(await run({ pick: true }, platformStatePath)).toEqual({
      exitCode: 0,
      stdout: `${ready.url}\n`,
      stderr: "",
    });
  });

  it("exits 1 with the reasons on stderr when no region is ready", async () => {
    ready.readyStatus = 503;
    try {
      const { exitCode, stdout, stderr } = await run({ pick: true }, platformStatePath);
      expect(exitCode).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toContain("hireloop regions: no region is ready to route");
      expect(stderr).toContain(`us-east (${ready.url}): 503`);
      expect(stderr).toMatch(/ap-south \(.*\): .*ECONNREFUSED/);
      const json = await run({ json: true }, platformStatePath);
      expect(json.exitCode).toBe(1);
      expect(JSON.parse(json.stdout)).toMatchObject({ chosen: null, error: { code: "no_ready_region" } });
    } finally {
      ready.readyStatus = 200;
    }
  });

  it("exits 2 and says what to do when there is no local platform", async () => {
    const { exitCode, stdout, stderr } = await run({ pick: true }, join(dir, "missing.json"));
    expect(exitCode).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/no local platform state at .*missing\.json: start the local platform first/);
  });

  it("refuses a platform state that is not a dev platform with routers", async () => {
    const testPlatform = join(dir, "test-platform.json");
    await writeFile(testPlatform, JSON.stringify({ mode: "test", postgresUrl: "postgres://x" }));
    const { exitCode, stderr } = await run({ json: true }, testPlatform);
    expect(exitCode).toBe(2);
    expect(stderr).toContain("does not run in dev mode");
  });
});
