import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { kafkaBrokers, otlpEndpoint, postgresUrl, redisUrl, traceQueryUrl } from "./process-table.ts";
import type { LocalProfile } from "./profile.ts";
import type { SharedServiceKind, Topology } from "./topology.ts";

/** The platform's Jaeger: where processes send spans, and where people and tests read traces. */
export type TracingState = { otlpEndpoint: string; queryUrl: string };

/** `.local/dev/platform.json`: what `hireloop token` and developers' tools need to reach the platform. */
export type DevPlatformState = {
  mode: "dev";
  projectId: string;
  keysDir: string;
  region: string;
  /** The public entry point of each region: its router. */
  routers: { id: string; region: string; url: string; admin: string; controlDatabaseUrl: string }[];
  cells: {
    id: string;
    region: string;
    /** Answers only the region's router (ADR 0016). */
    api: string;
    /** Health, readiness and metrics of the cell's API; `worker` is the worker's. */
    admin: string;
    worker: string;
    databaseUrl: string;
    redisUrl: string;
    kafkaBrokers: string;
  }[];
  /** The regions' shared gRPC services. */
  services: { name: string; kind: SharedServiceKind; region: string; address: string; metrics: string }[];
  /** Admin URL (database `postgres`) of the server holding every cell's database. */
  postgres: string;
  /** Redis URL by name. */
  redis: Record<string, string>;
  /** Brokers (host:port) of the default region's Kafka. */
  kafka: string;
  /** Brokers of each region's Kafka, by region. */
  kafkaByRegion: Record<string, string>;
  tracing?: TracingState;
  pm2Home: string;
};

/** `.local/test/platform.json`: the servers test fixtures create their databases and topics on. */
export type TestPlatformState = {
  mode: "test";
  postgresUrl: string;
  redisUrl: string;
  kafkaBrokers: string;
  /** Brokers of each region's Kafka (MirrorMaker 2 runs between them), by region. */
  regions: Record<string, { kafkaBrokers: string }>;
  /** host:port of the shared gRPC services the test cells call. */
  services: Partial<Record<SharedServiceKind, string>>;
  /** Processes the tests start export their spans here (OTEL_EXPORTER_OTLP_ENDPOINT). */
  tracing?: TracingState;
  pm2Home: string;
};

export type PlatformState = DevPlatformState | TestPlatformState;

export function platformState(profile: LocalProfile): PlatformState {
  const { topology } = profile;
  const adminUrl = postgresUrl(topology.postgres.port, "postgres");
  const [firstRedis] = topology.redis;
  const [firstKafka] = topology.kafka;
  if (firstRedis === undefined || firstKafka === undefined) {
    throw new Error("a local platform has at least one Redis and one Kafka");
  }
  if (topology.mode === "test") {
    return {
      mode: "test",
      postgresUrl: adminUrl,
      redisUrl: redisUrl(firstRedis),
      kafkaBrokers: kafkaBrokers(firstKafka),
      regions: Object.fromEntries(
        topology.kafka.map((kafka) => [kafka.region, { kafkaBrokers: kafkaBrokers(kafka) }]),
      ),
      services: Object.fromEntries(
        topology.services.map((service) => [service.kind, `127.0.0.1:${service.grpcPort}`]),
      ),
      ...tracingState(topology),
      pm2Home: profile.pm2Home,
    };
  }
  const byName = <T extends { name: string }>(list: T[], name: string): T => {
    const found = list.find((item) => item.name === name);
    if (found === undefined) throw new Error(`${name} is not in the topology`);
    return found;
  };
  const cells = topology.cells.map((cell) => ({
    id: cell.id,
    region: cell.region,
    api: `http://127.0.0.1:${cell.apiPort}`,
    admin: `http://127.0.0.1:${cell.adminPort}`,
    worker: `http://127.0.0.1:${cell.workerPort}`,
    databaseUrl: postgresUrl(topology.postgres.port, cell.database),
    redisUrl: redisUrl(byName(topology.redis, cell.redis)),
    kafkaBrokers: kafkaBrokers(byName(topology.kafka, cell.kafka)),
  }));
  const regionalKafka = topology.cells.find((cell) => cell.region === topology.defaultRegion)?.kafka;
  return {
    mode: "dev",
    projectId: topology.authProjectId,
    keysDir: profile.keysDir,
    region: topology.defaultRegion,
    routers: topology.routers.map((router) => ({
      id: router.id,
      region: router.region,
      url: `http://127.0.0.1:${router.port}`,
      admin: `http://127.0.0.1:${router.adminPort}`,
      controlDatabaseUrl: postgresUrl(topology.postgres.port, router.controlDatabase),
    })),
    cells,
    services: topology.services.map((service) => ({
      name: service.name,
      kind: service.kind,
      region: service.region,
      address: `127.0.0.1:${service.grpcPort}`,
      metrics: `http://127.0.0.1:${service.metricsPort}/metrics`,
    })),
    postgres: adminUrl,
    redis: Object.fromEntries(topology.redis.map((redis) => [redis.name, redisUrl(redis)])),
    kafka: kafkaBrokers(regionalKafka === undefined ? firstKafka : byName(topology.kafka, regionalKafka)),
    kafkaByRegion: Object.fromEntries(topology.kafka.map((kafka) => [kafka.region, kafkaBrokers(kafka)])),
    ...tracingState(topology),
    pm2Home: profile.pm2Home,
  };
}

function tracingState(topology: Topology): { tracing?: TracingState } {
  if (topology.tracing === undefined) return {};
  return {
    tracing: { otlpEndpoint: otlpEndpoint(topology.tracing), queryUrl: traceQueryUrl(topology.tracing) },
  };
}

export async function writePlatformState(profile: LocalProfile): Promise<void> {
  await mkdir(dirname(profile.platformFile), { recursive: true });
  await writeFile(profile.platformFile, `${JSON.stringify(platformState(profile), null, 2)}\n`);
}

/** A state file outliving its platform would point fixtures at servers that are gone. */
export async function removePlatformState(profile: LocalProfile): Promise<void> {
  await rm(profile.platformFile, { force: true });
}
