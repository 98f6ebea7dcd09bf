import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { HealthCheck } from "./health.ts";
import type { LocalProfile } from "./profile.ts";
import type { Toolchain } from "./toolchain.ts";
import type {
  CellInstance,
  KafkaInstance,
  RedisInstance,
  RouterInstance,
  SharedServiceInstance,
  SharedServiceKind,
  Topology,
} from "./topology.ts";

/** Idempotent preparation a process needs before its first start; see setup-steps.ts. */
export type SetupStep =
  | { kind: "postgres-cluster"; dataDir: string; initdb: string; superuser: string; asPostgresUser: boolean }
  | { kind: "render-template"; template: string; target: string; values: Record<string, string> }
  | {
      kind: "kafka-storage";
      java: string;
      classpath: string;
      log4jConfig: string;
      configFile: string;
      dir: string;
    }
  | { kind: "database"; adminUrl: string; database: string }
  | { kind: "dev-keys"; dir: string }
  | { kind: "migrations"; script: string; cwd: string; databaseUrl: string }
  | {
      kind: "control-plane";
      databaseUrl: string;
      region: string;
      cells: { id: string; apiUrl: string }[];
    };

export type ProcessRole =
  | "postgres"
  | "redis"
  | "kafka"
  | "shared-service"
  | "cell-api"
  | "cell-worker"
  | "router";

/** One supervised process: how pm2 runs it, what it needs first, and how to know it is serving. */
export type ProcessSpec = {
  name: string;
  role: ProcessRole;
  /** Where clients reach it, for people: a URL or host:port. */
  endpoint: string;
  /** Ports it listens on; a port already taken by a stranger stops `up` with a clear error. */
  ports: number[];
  script: string;
  args: string[];
  cwd: string;
  /** The whole environment: nothing is inherited from the shell that ran `up` (see baseEnvironment). */
  env: Record<string, string>;
  /** Time between pm2's SIGINT and its SIGKILL: every process here shuts down cleanly on SIGINT. */
  killTimeoutMs: number;
  /** How long `up` waits for the first healthy probe. */
  startTimeoutMs: number;
  dependsOn: string[];
  setup: SetupStep[];
  /** Repository files the process runs; while one is missing the process is skipped, not failed. */
  requires: string[];
  health: HealthCheck;
};

const HOST = "127.0.0.1";
/** The bootstrap superuser initdb creates; every local connection uses it (trust on loopback). */
export const POSTGRES_SUPERUSER = "hireloop";

export function postgresUrl(port: number, database: string): string {
  return `postgres://${POSTGRES_SUPERUSER}@${HOST}:${port}/${database}`;
}

export function redisUrl(redis: RedisInstance): string {
  return `redis://${HOST}:${redis.port}`;
}

export function kafkaBrokers(kafka: KafkaInstance): string {
  return `${HOST}:${kafka.port}`;
}

/**
 * What every process gets besides its own variables. Fixed on purpose: whatever the shell running
 * `up` exports (NODE_ENV, a stray HL_* variable, npx's PATH) must not change how the platform runs.
 */
export function baseEnvironment(): Record<string, string> {
  return {
    PATH: [
      dirname(process.execPath),
      "/usr/local/sbin",
      "/usr/local/bin",
      "/usr/sbin",
      "/usr/bin",
      "/sbin",
      "/bin",
    ].join(":"),
    HOME: homedir(),
    LANG: "C.UTF-8",
    TZ: "UTC",
  };
}

/** The process table of a profile, in dependency order: servers first, then the cells using them. */
export function processTable(profile: LocalProfile, tools: Toolchain): ProcessSpec[] {
  const { topology } = profile;
  return [
    postgresProcess(profile, tools),
    ...topology.redis.map((redis) => redisProcess(profile, tools, redis)),
    ...topology.kafka.map((kafka) => kafkaProcess(profile, tools, kafka)),
    ...topology.services.map((service) => sharedServiceProcess(profile, service)),
    ...topology.cells.flatMap((cell) => cellProcesses(profile, cell)),
    ...topology.routers.map((router) => routerProcess(profile, router)),
  ];
}

function postgresProcess(profile: LocalProfile, tools: Toolchain): ProcessSpec {
  const { name, port, durable, maxConnections } = profile.topology.postgres;
  const dataDir = join(profile.stateDir, name);
  // Postgres refuses to run as root. setpriv execs (unlike runuser, which forks, turns SIGINT into
  // SIGTERM and SIGKILLs after 2 s), so pm2's SIGINT reaches the postmaster: a clean fast shutdown.
  const asPostgresUser = process.getuid?.() === 0;
  const postgresArgs = [
    "-D",
    dataDir,
    "-p",
    String(port),
    "-c",
    `listen_addresses=${HOST}`,
    "-c",
    "unix_socket_directories=",
    "-c",
    `max_connections=${maxConnections}`,
    ...(durable ? [] : ["-c", "fsync=off", "-c", "full_page_writes=off", "-c", "synchronous_commit=off"]),
  ];
  const postgresBin = join(tools.postgresBinDir, "postgres");
  return {
    name,
    role: "postgres",
    endpoint: postgresUrl(port, "postgres"),
    ports: [port],
    script: asPostgresUser ? tools.setpriv : postgresBin,
    args: asPostgresUser
      ? ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", postgresBin, ...postgresArgs]
      : postgresArgs,
    cwd: profile.stateDir,
    env: baseEnvironment(),
    killTimeoutMs: 30_000,
    startTimeoutMs: 60_000,
    dependsOn: [],
    setup: [
      {
        kind: "postgres-cluster",
        dataDir,
        initdb: join(tools.postgresBinDir, "initdb"),
        superuser: POSTGRES_SUPERUSER,
        asPostgresUser,
      },
    ],
    requires: [],
    health: { kind: "postgres", url: postgresUrl(port, "postgres") },
  };
}

function redisProcess(profile: LocalProfile, tools: Toolchain, redis: RedisInstance): ProcessSpec {
  const dir = join(profile.stateDir, redis.name);
  const configFile = join(dir, "redis.conf");
  return {
    name: redis.name,
    role: "redis",
    endpoint: redisUrl(redis),
    ports: [redis.port],
    script: tools.redisServer,
    args: [configFile],
    cwd: dir,
    env: baseEnvironment(),
    killTimeoutMs: 10_000,
    startTimeoutMs: 20_000,
    dependsOn: [],
    setup: [
      {
        kind: "render-template",
        template: join(profile.repoRoot, "infra", "local", "redis", "redis.conf.template"),
        target: configFile,
        values: { host: HOST, port: String(redis.port), dir },
      },
    ],
    requires: [],
    health: { kind: "redis", host: HOST, port: redis.port },
  };
}

function kafkaProcess(profile: LocalProfile, tools: Toolchain, kafka: KafkaInstance): ProcessSpec {
  const dir = join(profile.stateDir, kafka.name);
  const configFile = join(dir, "server.properties");
  const classpath = join(tools.kafkaLibsDir, "*");
  const log4jConfig = join(profile.repoRoot, "infra", "local", "kafka", "log4j.properties");
  return {
    name: kafka.name,
    role: "kafka",
    endpoint: kafkaBrokers(kafka),
    ports: [kafka.port, kafka.controllerPort],
    script: tools.java,
    args: [
      "-Xmx512m",
      "-Xms256m",
      "-XX:+UseG1GC",
      "-XX:MaxGCPauseMillis=20",
      "-XX:+ExitOnOutOfMemoryError",
      "-Djava.awt.headless=true",
      `-Dlog4j.configuration=${pathToFileURL(log4jConfig).href}`,
      "-cp",
      classpath,
      "kafka.Kafka",
      configFile,
    ],
    cwd: dir,
    env: baseEnvironment(),
    killTimeoutMs: 30_000,
    startTimeoutMs: 90_000,
    dependsOn: [],
    setup: [
      {
        kind: "render-template",
        template: join(profile.repoRoot, "infra", "local", "kafka", "server.properties.template"),
        target: configFile,
        values: {
          host: HOST,
          port: String(kafka.port),
          controllerPort: String(kafka.controllerPort),
          dataDir: join(dir, "data"),
        },
      },
      { kind: "kafka-storage", java: tools.java, classpath, log4jConfig, configFile, dir },
    ],
    requires: [],
    health: { kind: "kafka", brokers: [kafkaBrokers(kafka)] },
  };
}

/** host:port of a region's shared service of a kind, as cells are configured with it. */
export function serviceAddress(topology: Topology, region: string, kind: SharedServiceKind): string {
  const service = topology.services.find((s) => s.region === region && s.kind === kind);
  if (service === undefined) throw new Error(`region ${region || "(test)"} has no ${kind} service`);
  return `${HOST}:${service.grpcPort}`;
}

/** What a cell needs to reach its region's shared services. */
function sharedServiceEnvironment(topology: Topology, region: string): Record<string, string> {
  return {
    HL_PDF_ADDRESS: serviceAddress(topology, region, "pdf"),
    HL_AI_OPTIMIZER_ADDRESS: serviceAddress(topology, region, "ai-optimizer"),
    HL_SCRAPER_ADDRESS: serviceAddress(topology, region, "scraper"),
  };
}

function sharedServiceProcess(profile: LocalProfile, service: SharedServiceInstance): ProcessSpec {
  const { topology, repoRoot } = profile;
  const redis =
    service.redis === undefined ? undefined : topology.redis.find((r) => r.name === service.redis);
  const main = join("shared-services", service.kind, "src", "main.ts");
  const address = `${HOST}:${service.grpcPort}`;
  return {
    name: service.name,
    role: "shared-service",
    endpoint: `grpc://${address}`,
    ports: [service.grpcPort, service.metricsPort],
    script: process.execPath,
    args: ["--import", "tsx", main],
    cwd: repoRoot,
    env: {
      ...baseEnvironment(),
      HL_REGION: service.region || topology.defaultRegion,
      HL_GRPC_HOST: HOST,
      HL_GRPC_PORT: String(service.grpcPort),
      HL_METRICS_PORT: String(service.metricsPort),
      HL_LOG_LEVEL: topology.logLevel,
      ...(redis === undefined ? {} : { HL_REDIS_URL: redisUrl(redis) }),
    },
    // Services finish calls in flight on SIGINT within their grace period (10 s by default).
    killTimeoutMs: 15_000,
    startTimeoutMs: 60_000,
    dependsOn: redis === undefined ? [] : [redis.name],
    setup: [],
    requires: [main],
    health: { kind: "grpc", address },
  };
}

function cellProcesses(profile: LocalProfile, cell: CellInstance): ProcessSpec[] {
  const { topology, repoRoot } = profile;
  const redis = topology.redis.find((r) => r.name === cell.redis);
  const kafka = topology.kafka.find((k) => k.name === cell.kafka);
  if (redis === undefined || kafka === undefined) {
    throw new Error(`cell ${cell.id} names a Redis or Kafka missing from the topology`);
  }
  const databaseUrl = postgresUrl(topology.postgres.port, cell.database);
  const env = {
    ...baseEnvironment(),
    HL_MODE: "dev",
    HL_REGION: cell.region,
    HL_CELL_ID: cell.id,
    HL_DATABASE_URL: databaseUrl,
    HL_REDIS_URL: redisUrl(redis),
    HL_KAFKA_BROKERS: kafkaBrokers(kafka),
    HL_AUTH_PROJECT_ID: topology.authProjectId,
    HL_AUTH_JWKS_URL: pathToFileURL(join(profile.keysDir, "jwks.json")).href,
    HL_LOG_LEVEL: topology.logLevel,
    ...sharedServiceEnvironment(topology, cell.region),
  };
  const main = join("cell", "src", "main.ts");
  // Both roles need the database migrated and the keys present; setup steps run once per `up`.
  const setup: SetupStep[] = [
    { kind: "database", adminUrl: postgresUrl(topology.postgres.port, "postgres"), database: cell.database },
    { kind: "migrations", script: join("cell", "src", "db", "migrate.ts"), cwd: repoRoot, databaseUrl },
    { kind: "dev-keys", dir: profile.keysDir },
  ];
  const common = {
    script: process.execPath,
    cwd: repoRoot,
    // The cell drains in-flight work on SIGINT and forces its own exit after 20 s.
    killTimeoutMs: 25_000,
    startTimeoutMs: 60_000,
    dependsOn: [
      topology.postgres.name,
      redis.name,
      kafka.name,
      ...topology.services.filter((s) => s.region === cell.region).map((s) => s.name),
    ],
    setup,
    requires: [main],
  };
  const apiUrl = `http://${HOST}:${cell.apiPort}`;
  const workerUrl = `http://${HOST}:${cell.workerPort}`;
  return [
    {
      ...common,
      name: `${cell.id}-api`,
      role: "cell-api",
      endpoint: apiUrl,
      ports: [cell.apiPort],
      args: ["--import", "tsx", main, "api"],
      env: { ...env, HL_PORT: String(cell.apiPort) },
      health: { kind: "http", url: `${apiUrl}/readyz` },
    },
    {
      ...common,
      name: `${cell.id}-worker`,
      role: "cell-worker",
      endpoint: `${workerUrl}/metrics`,
      ports: [cell.workerPort],
      args: ["--import", "tsx", main, "worker"],
      env: { ...env, HL_PORT: String(cell.workerPort) },
      health: { kind: "http", url: `${workerUrl}/healthz` },
    },
  ];
}

function routerProcess(profile: LocalProfile, router: RouterInstance): ProcessSpec {
  const { topology, repoRoot } = profile;
  const redis = topology.redis.find((r) => r.name === router.redis);
  if (redis === undefined) throw new Error(`router ${router.name} names a Redis missing from the topology`);
  const cells = topology.cells.filter((cell) => cell.region === router.region);
  const controlUrl = postgresUrl(topology.postgres.port, router.controlDatabase);
  const main = join("router", "src", "main.ts");
  const url = `http://${HOST}:${router.port}`;
  return {
    name: router.name,
    role: "router",
    endpoint: url,
    ports: [router.port],
    script: process.execPath,
    args: ["--import", "tsx", main],
    cwd: repoRoot,
    env: {
      ...baseEnvironment(),
      HL_MODE: "dev",
      HL_REGION: router.region,
      HL_ROUTER_ID: router.id,
      HL_PORT: String(router.port),
      HL_CONTROL_DATABASE_URL: controlUrl,
      HL_REDIS_URL: redisUrl(redis),
      HL_AUTH_PROJECT_ID: topology.authProjectId,
      HL_AUTH_JWKS_URL: pathToFileURL(join(profile.keysDir, "jwks.json")).href,
      HL_LOG_LEVEL: topology.logLevel,
    },
    killTimeoutMs: 15_000,
    startTimeoutMs: 60_000,
    // The router starts after the cells, so its first health checks find them serving.
    dependsOn: [topology.postgres.name, redis.name, ...cells.map((cell) => `${cell.id}-api`)],
    setup: [
      {
        kind: "database",
        adminUrl: postgresUrl(topology.postgres.port, "postgres"),
        database: router.controlDatabase,
      },
      {
        kind: "control-plane",
        databaseUrl: controlUrl,
        region: router.region,
        cells: cells.map((cell) => ({ id: cell.id, apiUrl: `http://${HOST}:${cell.apiPort}` })),
      },
      { kind: "dev-keys", dir: profile.keysDir },
    ],
    requires: [main],
    health: { kind: "http", url: `${url}/readyz` },
  };
}

/** Fingerprint of how a process is launched: a running process with another one is replaced by `up`. */
export function launchFingerprint(spec: ProcessSpec): string {
  const launch = {
    script: spec.script,
    args: spec.args,
    cwd: spec.cwd,
    env: spec.env,
    kill: spec.killTimeoutMs,
  };
  return createHash("sha256").update(JSON.stringify(launch)).digest("hex").slice(0, 16);
}
