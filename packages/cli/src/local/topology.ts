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
};

/** `make up`: the developer's platform. */
export const devTopology: Topology = {
  mode: "dev",
  defaultRegion: "us-east",
  authProjectId: "hireloop-local",
  logLevel: "info",
  postgres: { name: "postgres", port: 15432, durable: true, maxConnections: 200 },
  redis: [{ name: "us-east-1-redis", port: 16379 }],
  kafka: [{ name: "us-east-kafka", port: 19092, controllerPort: 19093 }],
  cells: [
    {
      id: "us-east-1",
      region: "us-east",
      apiPort: 8080,
      workerPort: 9101,
      database: "hireloop_us_east_1",
      redis: "us-east-1-redis",
      kafka: "us-east-kafka",
    },
  ],
};

/** `make test`: servers only; tests create their own databases and start their own cell processes. */
export const testTopology: Topology = {
  mode: "test",
  defaultRegion: "us-east",
  authProjectId: "hireloop-test",
  logLevel: "warn",
  postgres: { name: "postgres", port: 35432, durable: false, maxConnections: 400 },
  redis: [{ name: "redis", port: 36379 }],
  kafka: [{ name: "kafka", port: 39092, controllerPort: 39093 }],
  cells: [],
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
  ];
  const ports = [
    topology.postgres.port,
    ...topology.redis.map((r) => r.port),
    ...topology.kafka.flatMap((k) => [k.port, k.controllerPort]),
    ...topology.cells.flatMap((c) => [c.apiPort, c.workerPort]),
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
