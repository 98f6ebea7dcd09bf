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

export type KafkaInstance = { name: string; port: number; controllerPort: number };

/** One cell: its API and worker, its own database on the Postgres server and its own Redis. */
export type CellInstance = {
  id: string;
  region: string;
  apiPort: number;
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
  cells: CellInstance[];
  routers: RouterInstance[];
  services: SharedServiceInstance[];
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

/** The dev platform's default number of cells in us-east; `CELLS=N make up` changes it. */
export const DEFAULT_CELL_COUNT = 3;
const MAX_CELL_COUNT = 16;

/** Cell i of us-east: API on 8080+i, worker on 9100+i, its own database and its own Redis. */
function usEastCell(index: number): CellInstance {
  return {
    id: `us-east-${index}`,
    region: "us-east",
    apiPort: 8080 + index,
    workerPort: 9100 + index,
    database: `hireloop_us_east_${index}`,
    redis: `us-east-${index}-redis`,
    kafka: "us-east-kafka",
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

/** `make up`: the developer's platform — a router on 8080 in front of N cells. */
export function devTopologyWith(cellCount: number): Topology {
  const cells = Array.from({ length: cellCount }, (_, i) => usEastCell(i + 1));
  return {
    mode: "dev",
    defaultRegion: "us-east",
    authProjectId: "hireloop-local",
    logLevel: "info",
    postgres: { name: "postgres", port: 15432, durable: true, maxConnections: 300 },
    redis: [
      { name: "us-east-router-redis", port: 16370 },
      { name: "us-east-services-redis", port: 16371 },
      ...cells.map((cell, i) => ({ name: cell.redis, port: 16379 + i })),
    ],
    kafka: [{ name: "us-east-kafka", port: 19092, controllerPort: 19093 }],
    cells,
    routers: [
      {
        name: "us-east-router",
        id: "us-east-router-1",
        region: "us-east",
        port: 8080,
        redis: "us-east-router-redis",
        controlDatabase: "hireloop_control_us_east",
      },
    ],
    services: sharedServices("us-east", 7101, 7201, "us-east-services-redis"),
  };
}

export const devTopology: Topology = devTopologyWith(cellCountFrom(process.env.CELLS));

/**
 * `make test`: servers and the stateless shared services; tests create their own databases and
 * start their own cell processes (and their own service processes when they stop one on purpose).
 */
export const testTopology: Topology = {
  mode: "test",
  defaultRegion: "us-east",
  authProjectId: "hireloop-test",
  logLevel: "warn",
  postgres: { name: "postgres", port: 35432, durable: false, maxConnections: 400 },
  redis: [{ name: "redis", port: 36379 }],
  kafka: [{ name: "kafka", port: 39092, controllerPort: 39093 }],
  cells: [],
  routers: [],
  services: sharedServices("", 37101, 37201, "redis"),
};

export const profileTopologies: Record<ProfileName, Topology> = { dev: devTopology, test: testTopology };

export function isProfileName(value: string): value is ProfileName {
  return Object.hasOwn(profileTopologies, value);
}

/** Every mistake in a topology, so a bad edit fails before anything starts. */
export function topologyProblems(topology: Topology): string[] {
  const problems: string[] = [];
  const names = [
    topology.postgres.name,
    ...topology.redis.map((r) => r.name),
    ...topology.kafka.map((k) => k.name),
    ...topology.cells.flatMap((c) => [`${c.id}-api`, `${c.id}-worker`]),
    ...topology.routers.map((r) => r.name),
    ...topology.services.map((s) => s.name),
  ];
  const ports = [
    topology.postgres.port,
    ...topology.redis.map((r) => r.port),
    ...topology.kafka.flatMap((k) => [k.port, k.controllerPort]),
    ...topology.cells.flatMap((c) => [c.apiPort, c.workerPort]),
    ...topology.routers.map((r) => r.port),
    ...topology.services.flatMap((s) => [s.grpcPort, s.metricsPort]),
  ];
  for (const name of duplicates(names)) problems.push(`process name ${name} is used twice`);
  for (const port of duplicates(ports)) problems.push(`port ${port} is used twice`);
  for (const port of ports) {
    if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`port ${port} is not a TCP port`);
  }
  for (const cell of topology.cells) {
    if (!topology.redis.some((r) => r.name === cell.redis)) {
      problems.push(`cell ${cell.id} names Redis ${cell.redis}, which is not in the topology`);
    }
    if (!topology.kafka.some((k) => k.name === cell.kafka)) {
      problems.push(`cell ${cell.id} names Kafka ${cell.kafka}, which is not in the topology`);
    }
    // Database names are interpolated into CREATE DATABASE, so they are held to plain identifiers.
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(cell.database)) {
      problems.push(`cell ${cell.id} database ${cell.database} is not a lower-case SQL identifier`);
    }
  }
  for (const router of topology.routers) {
    if (!topology.redis.some((r) => r.name === router.redis)) {
      problems.push(`router ${router.name} names Redis ${router.redis}, which is not in the topology`);
    }
    if (!topology.cells.some((c) => c.region === router.region)) {
      problems.push(`router ${router.name} has no cell in region ${router.region}`);
    }
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(router.controlDatabase)) {
      problems.push(
        `router ${router.name} control database ${router.controlDatabase} is not a lower-case SQL identifier`,
      );
    }
  }
  for (const service of topology.services) {
    if (service.redis !== undefined && !topology.redis.some((r) => r.name === service.redis)) {
      problems.push(`service ${service.name} names Redis ${service.redis}, which is not in the topology`);
    }
  }
  for (const cell of topology.cells) {
    for (const kind of SHARED_SERVICE_KINDS) {
      if (!topology.services.some((s) => s.kind === kind && s.region === cell.region)) {
        problems.push(`cell ${cell.id} has no ${kind} service in region ${cell.region}`);
      }
    }
  }
  for (const database of duplicates(topology.cells.map((c) => c.database))) {
    problems.push(`database ${database} is shared by two cells`);
  }
  for (const redis of duplicates(topology.cells.map((c) => c.redis))) {
    problems.push(`Redis ${redis} is shared by two cells`);
  }
  return problems;
}

function duplicates<T>(values: T[]): T[] {
  return [...new Set(values.filter((value, index) => values.indexOf(value) !== index))];
}
