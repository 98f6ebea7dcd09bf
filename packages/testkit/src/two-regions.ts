import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildTable, createPlacementStore } from "@hireloop/placement";
import { createControlPlaneDatabase } from "./control-plane.ts";
import { testPlatform } from "./platform.ts";
import { freePort } from "./ports.ts";
import { startRegion, type TestRegion } from "./regions.ts";
import { type RouterProcess, startRouterProcess } from "./router-process.ts";

export const REGIONS = ["us-east", "eu-central"] as const;
export type RegionName = (typeof REGIONS)[number];

/** One region of a two-region world: its cells, control plane and router, on its own Kafka. */
export interface WorldRegion {
  name: RegionName;
  cells: TestRegion;
  controlPlane: Awaited<ReturnType<typeof createControlPlaneDatabase>>;
  routerEnv: Record<string, string>;
  routerPort: number;
  router: RouterProcess;
  url: string;
  /** Starts the router again (after the test stopped it). */
  restartRouter(): Promise<void>;
}

export interface TwoRegions {
  regions: Record<RegionName, WorldRegion>;
  /** The events topic of this world (`hl.mr.*`, mirrored by the test platform's MirrorMaker 2). */
  topic: string;
  token(uid: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * us-east and eu-central as the platform runs them, on the test platform's two Kafka brokers with
 * MirrorMaker 2 between them: each region has real cell processes, its own control-plane database
 * and a router process that knows the other region's router. Tokens are valid in both (one key).
 */
export async function startTwoRegions(
  options: {
    cellsPerRegion?: number;
    /** More environment for every cell (the shared services it calls, say). */
    cellEnv?: Record<string, string>;
  } = {},
): Promise<TwoRegions> {
  const platform = testPlatform();
  const keysDir = await mkdtemp(join(tmpdir(), "hl-regions-keys-"));
  const secretFile = join(keysDir, "peer-secret");
  await writeFile(secretFile, randomBytes(32).toString("hex"));
  const topic = `hl.mr.${randomBytes(5).toString("hex")}`;
  const ports = { "us-east": await freePort(), "eu-central": await freePort() };
  const regions = {} as Record<RegionName, WorldRegion>;
  try {
    for (const name of REGIONS) {
      const brokers = platform.regions[name]?.kafkaBrokers.join(",");
      if (!brokers) throw new Error(`the test platform has no Kafka for ${name}: run make test`);
      const cells = await startRegion(options.cellsPerRegion ?? 1, {
        region: name,
        keysDir,
        env: { ...options.cellEnv, HL_KAFKA_BROKERS: brokers, HL_KAFKA_TOPIC: topic },
      });
      const controlPlane = await createControlPlaneDatabase();
      const store = createPlacementStore(controlPlane.sql);
      for (const cell of cells.cells) await store.upsertCell(cell.record);
      await store.saveTable(buildTable({ region: name, cells: cells.cells.map((cell) => cell.record) }));
      const peer = REGIONS.find((other) => other !== name) as RegionName;
      const routerEnv = {
        HL_REGION: name,
        HL_ROUTER_ID: `${name}-router-test`,
        HL_CONTROL_DATABASE_URL: controlPlane.url,
        HL_AUTH_JWKS_URL: cells.jwksUrl,
        HL_PLACEMENT_REFRESH_MS: "500",
        HL_CELL_HEALTH_INTERVAL_MS: "200",
        // These tests prove what regions do when their peers answer; on a loaded CI machine the
        // production timeouts (0.5 s health checks, 1.5 s claims) would make a slow peer look down.
        // A stopped peer still fails at once: its port refuses the connection.
        HL_CELL_HEALTH_TIMEOUT_MS: "3000",
        HL_PEER_TIMEOUT_MS: "5000",
        HL_PEER_REGIONS: `${peer}=http://127.0.0.1:${ports[peer]}`,
        HL_PEER_SECRET_FILE: secretFile,
        HL_KAFKA_BROKERS: brokers,
        HL_KAFKA_TOPIC: topic,
      };
      regions[name] = {
        name,
        cells,
        controlPlane,
        routerEnv,
        routerPort: ports[name],
        router: undefined as unknown as RouterProcess,
        url: `http://127.0.0.1:${ports[name]}`,
        async restartRouter() {
          this.router = await startRouterProcess(routerEnv, { port: ports[name] });
        },
      };
    }
    for (const name of REGIONS) await regions[name].restartRouter();
  } catch (error) {
    await stopAll(regions);
    throw error;
  }
  const first = regions["us-east"].cells;
  return {
    regions,
    topic,
    token: (uid) => first.token(uid),
    stop: () => stopAll(regions),
  };
}

async function stopAll(regions: Partial<Record<RegionName, WorldRegion>>) {
  for (const region of Object.values(regions)) {
    await region.router?.stop("SIGKILL");
    await region.cells.stop();
    await region.controlPlane.drop();
  }
}

/** time() − the newest MirrorMaker 2 heartbeat from `origin` that `region`'s router has seen, from its /metrics. */
export async function replicationDelaySeconds(
  world: TwoRegions,
  region: RegionName,
  origin: RegionName,
): Promise<number> {
  const text = await (await fetch(`${world.regions[region].router.adminUrl}/metrics`)).text();
  const line = text
    .split("\n")
    .find(
      (l) =>
        l.startsWith("hl_router_replication_heartbeat_timestamp_seconds{") &&
        l.includes(`origin="${origin}"`),
    );
  if (line === undefined) return Number.POSITIVE_INFINITY;
  return Date.now() / 1000 - Number(line.split(" ").at(-1));
}
