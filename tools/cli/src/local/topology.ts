/**
 * What a local platform consists of, as plain data. The process table (process-table.ts) is derived
 * from it, so adding a cell, a region's Kafka or a Redis is a change to these lists only.
 */

export type ProfileName = "dev" | "test";

export type PostgresInstance = {
  name: string;
  port: number;
  /** false turns fsync, full-page writes and synchronous commit off: fast, and unsafe after a crash. */
  durable: boolean;
  maxConnections: number;
};

export type RedisInstance = { name: string; port: number };

export type KafkaInstance = { name: string; region: string; port: number; controllerPort: number };

/**
 * MirrorMaker 2 in dedicated mode for one target region: it copies the matching topics of every
 * other region's Kafka into this region's (DefaultReplicationPolicy: as `<source>.<topic>`).
 * Running one per target region keeps each region's replication inside the region that consumes
 * it: stopping a region stops the mirroring into it and nothing else.
 */
export type MirrorInstance = {
  name: string;
  /** The target region. */
  region: string;
  /** Java regex of the topics mirrored. */
  topics: string;
};

/** One cell: its API and worker, its own database on the Postgres server and its own Redis. */
export type CellInstance = {
  id: string;
  region: string;
  /** The API's port: only the region's router may call it (ADR 0016). */
  apiPort: number;
  /** The API's admin listener: health, readiness and metrics. */
  adminPort: number;
  /** The worker's admin listener (the worker serves nothing else). */
  workerPort: number;
  database: string;
  /** Name of the RedisInstance this cell owns. */
  redis: string;
  /** Name of the KafkaInstance of the cell's region. */
  kafka: string;
};

/** A region's router: the public entry point, with its own Redis (rate limits) and the region's control plane. */
export type RouterInstance = {
  name: string;
  id: string;
  region: string;
  port: number;
  /** The router's admin listener: readiness with each cell's health, and metrics. */
  adminPort: number;
  /** Name of the RedisInstance the router's rate limits live in. */
  redis: string;
  /** The region's control-plane database (placement), on the profile's Postgres. */
  controlDatabase: string;
};

export const SHARED_SERVICE_KINDS = ["pdf", "ai-optimizer", "scraper"] as const;
export type SharedServiceKind = (typeof SHARED_SERVICE_KINDS)[number];

/** One of a region's shared gRPC services (shared-services/<kind>), called by every cell of the region. */
export type SharedServiceInstance = {
  name: string;
  kind: SharedServiceKind;
  region: string;
  grpcPort: number;
  /** Prometheus /metrics and /healthz over HTTP. */
  metricsPort: number;
  /** Name of the RedisInstance it keeps caches and budgets in, for the services that need one. */
  redis?: string;
};

/**
 * Jaeger (cmd/jaeger v1.75.0, built by install.sh): receives the processes' spans over OTLP/HTTP
 * and keeps them in memory; its query listener serves the API (/api/traces/<id>) and the UI page.
 */
export type TracingInstance = {
  name: string;
  otlpHttpPort: number;
  queryPort: number;
  queryGrpcPort: number;
  /** The collector's health (healthcheckv2): every component started. */
  healthPort: number;
  /** Traces kept in memory; the oldest go first. */
  maxTraces: number;
};

export type Topology = {
  /** "dev" platforms trust locally generated signing keys; "test" platforms only serve test fixtures. */
  mode: ProfileName;
  /** The region the platform state file names as the default one. */
  defaultRegion: string;
  authProjectId: string;
  logLevel: string;
  postgres: PostgresInstance;
  redis: RedisInstance[];
  kafka: KafkaInstance[];
  mirrors: MirrorInstance[];
  cells: CellInstance[];
  routers: RouterInstance[];
  services: SharedServiceInstance[];
  /** Absent in a platform that exports no spans (the CLI's own tests run one). */
  tracing?: TracingInstance;
};

/** pdf, ai-optimizer and scraper of a region, on consecutive ports from `grpcBase` (metrics from `metricsBase`). */
function sharedServices(
  region: string,
  grpcBase: number,
  metricsBase: number,
  redis: string,
): SharedServiceInstance[] {
  return SHARED_SERVICE_KINDS.map((kind, i) => ({
    name: region === "" ? kind : `${region}-${kind}`,
    kind,
    region,
    grpcPort: grpcBase + i,
    metricsPort: metricsBase + i,
    ...(kind === "ai-optimizer" ? { redis } : {}),
  }));
}

/** The dev platform's default number of cells per region; `CELLS=N make up` changes it. */
export const DEFAULT_CELL_COUNT = 3;
const MAX_CELL_COUNT = 16;

/** The regions `make up` starts by default; `REGIONS=us-east make up` runs one. */
export const DEFAULT_REGIONS = ["us-east", "eu-central"] as const;

/** The topics MirrorMaker 2 copies between regions: the events cells publish (ids and metadata only). */
export const MIRRORED_TOPICS = "hireloop\\.events";

/**
 * Where a region's processes listen on the dev platform: its router on `router`, cell i's API on
 * router + i and worker on `workers` + i, the admin listeners of the router on `admin` and of cell
 * i's API on admin + i, Redis from `redis` (router, services, then cells from redis + 9 + i), Kafka
 * on `kafka` (+1 for its controller), the shared services from `grpc`/`metrics`.
 */
type RegionLayout = {
  router: number;
  workers: number;
  admin: number;
  redis: number;
  kafka: number;
  grpc: number;
  metrics: number;
};

export const REGION_LAYOUTS: Record<string, RegionLayout> = {
  "us-east": {
    router: 8080,
    workers: 9100,
    admin: 9140,
    redis: 16370,
    kafka: 19092,
    grpc: 7101,
    metrics: 7201,
  },
  "eu-central": {
    router: 9080,
    workers: 9180,
    admin: 9220,
    redis: 26370,
    kafka: 29092,
    grpc: 7111,
    metrics: 7211,
  },
};

const underscored = (region: string) => region.replaceAll("-", "_");

function layoutOf(region: string): RegionLayout {
  const layout = REGION_LAYOUTS[region];
  if (layout === undefined) {
    throw new Error(
      `no local layout for region ${region}; regions: ${Object.keys(REGION_LAYOUTS).join(", ")}`,
    );
  }
  return layout;
}

/** Cell i of a region: API on router + i, worker on workers + i, its own database and its own Redis. */
function regionCell(region: string, index: number): CellInstance {
  const layout = layoutOf(region);
  return {
    id: `${region}-${index}`,
    region,
    apiPort: layout.router + index,
    adminPort: layout.admin + index,
    workerPort: layout.workers + index,
    database: `hireloop_${underscored(region)}_${index}`,
    redis: `${region}-${index}-redis`,
    kafka: `${region}-kafka`,
  };
}

export function cellCountFrom(value: string | undefined): number {
  if (value === undefined || value === "") return DEFAULT_CELL_COUNT;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1 || count > MAX_CELL_COUNT) {
    throw new Error(`CELLS must be a whole number from 1 to ${MAX_CELL_COUNT}, not "${value}"`);
  }
  return count;
}

export function regionsFrom(value: string | undefined): string[] {
  if (value === undefined || value.trim() === "") return [...DEFAULT_REGIONS];
  const regions = value.split(",").map((region) => region.trim());
  for (const region of regions) {
    if (REGION_LAYOUTS[region] === undefined) {
      throw new Error(
        `REGIONS names ${region || "an empty region"}; known regions: ${Object.keys(REGION_LAYOUTS).join(", ")}`,
      );
    }
  }
  if (new Set(regions).size !== regions.length) throw new Error("REGIONS names a region twice");
  return regions;
}

/** One region of the dev platform: its router, cells, Redis servers, Kafka and shared services. */
function devRegion(region: string, cellCount: number) {
  const layout = layoutOf(region);
  const cells = Array.from({ length: cellCount }, (_, i) => regionCell(region, i + 1));
  return {
    redis: [
      { name: `${region}-router-redis`, port: layout.redis },
      { name: `${region}-services-redis`, port: layout.redis + 1 },
      ...cells.map((cell, i) => ({ name: cell.redis, port: layout.redis + 9 + i })),
    ],
    kafka: { name: `${region}-kafka`, region, port: layout.kafka, controllerPort: layout.kafka + 1 },
    cells,
    router: {
      name: `${region}-router`,
      id: `${region}-router-1`,
      region,
      port: layout.router,
      adminPort: layout.admin,
      redis: `${region}-router-redis`,
      controlDatabase: `hireloop_control_${underscored(region)}`,
    },
    services: sharedServices(region, layout.grpc, layout.metrics, `${region}-services-redis`),
  };
}

/** MirrorMaker 2 into each region, once there is more than one. */
function mirrorsOf(regions: string[], topics: string): MirrorInstance[] {
  if (regions.length < 2) return [];
  return regions.map((region) => ({ name: `${region}-mirror`, region, topics }));
}

/** `make up`: the developer's platform — in each region a router in front of N cells. */
export function devTopologyWith(cellCount: number, regionNames: string[] = [...DEFAULT_REGIONS]): Topology {
  const regions = regionNames.map((region) => devRegion(region, cellCount));
  return {
    mode: "dev",
    defaultRegion: regionNames[0] ?? "us-east",
    authProjectId: "hireloop-local",
    logLevel: "info",
    postgres: {
      name: "postgres",
      port: 15432,
      durable: true,
      maxConnections: 300 + 100 * (regions.length - 1),
    },
    redis: regions.flatMap((region) => region.redis),
    kafka: regions.map((region) => region.kafka),
    mirrors: mirrorsOf(regionNames, MIRRORED_TOPICS),
    cells: regions.flatMap((region) => region.cells),
    routers: regions.map((region) => region.router),
    services: regions.flatMap((region) => region.services),
    tracing: {
      name: "jaeger",
      otlpHttpPort: 14318,
      queryPort: 16686,
      queryGrpcPort: 16685,
      healthPort: 14133,
      maxTraces: 20_000,
    },
  };
}

export const devTopology: Topology = devTopologyWith(
  cellCountFrom(process.env.CELLS),
  regionsFrom(process.env.REGIONS),
);

/**
 * `make test`: servers and the stateless shared services; tests create their own databases and
 * start their own cell processes (and their own service processes when they stop one on purpose).
 * Two regions' Kafka brokers with MirrorMaker 2 between them, for the multi-region tests.
 */
export const testTopology: Topology = {
  mode: "test",
  defaultRegion: "us-east",
  authProjectId: "hireloop-test",
  logLevel: "warn",
  postgres: { name: "postgres", port: 35432, durable: false, maxConnections: 400 },
  redis: [{ name: "redis", port: 36379 }],
  kafka: [
    { name: "us-east-kafka", region: "us-east", port: 39092, controllerPort: 39093 },
    { name: "eu-central-kafka", region: "eu-central", port: 49092, controllerPort: 49093 },
  ],
  // Tests mirror the events topic and their own `hl.mr.*` topics (one per test, so tests never share).
  mirrors: mirrorsOf(["us-east", "eu-central"], `${MIRRORED_TOPICS}|hl\\.mr\\..*`),
  cells: [],
  routers: [],
  services: sharedServices("", 37101, 37201, "redis"),
  // Every process the tests start exports here; a test reads its trace back within seconds.
  tracing: {
    name: "jaeger",
    otlpHttpPort: 34318,
    queryPort: 36686,
    queryGrpcPort: 36685,
    healthPort: 34133,
    maxTraces: 10_000,
  },
};

export const profileTopologies: Record<ProfileName, Topology> = { dev: devTopology, test: testTopology };

export function isProfileName(value: string): value is ProfileName {
  return Object.hasOwn(profileTopologies, value);
}
