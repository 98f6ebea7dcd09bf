import { createHash } from "node:crypto";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { cellProcesses, routerProcess, sharedServiceProcess } from "./app-processes.ts";
import {
  baseEnvironment,
  HOST,
  kafkaBrokers,
  otlpEndpoint,
  POSTGRES_SUPERUSER,
  type ProcessSpec,
  postgresUrl,
  redisUrl,
  traceQueryUrl,
} from "./process-spec.ts";
import type { LocalProfile } from "./profile.ts";
import type { Toolchain } from "./toolchain.ts";
import type { KafkaInstance, MirrorInstance, RedisInstance, TracingInstance } from "./topology.ts";

export * from "./process-spec.ts";

/** The process table of a profile, in dependency order: servers first, then the cells using them. */
export function processTable(profile: LocalProfile, tools: Toolchain): ProcessSpec[] {
  const { topology } = profile;
  return [
    postgresProcess(profile, tools),
    ...topology.redis.map((redis) => redisProcess(profile, tools, redis)),
    ...topology.kafka.map((kafka) => kafkaProcess(profile, tools, kafka)),
    ...topology.mirrors.map((mirror) => mirrorProcess(profile, tools, mirror)),
    ...(topology.tracing ? [jaegerProcess(profile, tools, topology.tracing)] : []),
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
  const log4jConfig = kafkaLog4jConfig(profile);
  return {
    name: kafka.name,
    role: "kafka",
    endpoint: kafkaBrokers(kafka),
    ports: [kafka.port, kafka.controllerPort],
    script: tools.java,
    args: [...kafkaJvm(profile, tools, { maxHeap: "512m", initialHeap: "256m" }), "kafka.Kafka", configFile],
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

function kafkaLog4jConfig(profile: LocalProfile): string {
  return join(profile.repoRoot, "infra", "local", "kafka", "log4j.properties");
}

/** The JVM options of every process run from the Kafka jars (the broker and MirrorMaker 2). */
function kafkaJvm(
  profile: LocalProfile,
  tools: Toolchain,
  heap: { maxHeap: string; initialHeap: string },
): string[] {
  return [
    `-Xmx${heap.maxHeap}`,
    `-Xms${heap.initialHeap}`,
    "-XX:+UseG1GC",
    "-XX:MaxGCPauseMillis=20",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djava.awt.headless=true",
    `-Dlog4j.configuration=${pathToFileURL(kafkaLog4jConfig(profile)).href}`,
    "-cp",
    join(tools.kafkaLibsDir, "*"),
  ];
}

/** MirrorMaker 2 (dedicated mode) replicating every other region's topics into the mirror's region. */
function mirrorProcess(profile: LocalProfile, tools: Toolchain, mirror: MirrorInstance): ProcessSpec {
  const { topology } = profile;
  const dir = join(profile.stateDir, mirror.name);
  const configFile = join(dir, "mirror-maker.properties");
  const target = topology.kafka.find((kafka) => kafka.region === mirror.region);
  if (target === undefined) throw new Error(`mirror ${mirror.name}: region ${mirror.region} has no Kafka`);
  const sources = topology.kafka.filter((kafka) => kafka.region !== mirror.region);
  return {
    name: mirror.name,
    role: "mirror",
    endpoint: `${sources.map((source) => source.region).join(", ")} → ${mirror.region}`,
    ports: [],
    script: tools.java,
    args: [
      ...kafkaJvm(profile, tools, { maxHeap: "384m", initialHeap: "128m" }),
      "org.apache.kafka.connect.mirror.MirrorMaker",
      configFile,
      "--clusters",
      mirror.region,
    ],
    cwd: dir,
    env: baseEnvironment(),
    killTimeoutMs: 30_000,
    // Healthy once a peer's heartbeat has crossed: both Connect groups formed, the heartbeat
    // connector running. On a 2-core machine already running the test platform that took over 120 s.
    startTimeoutMs: 240_000,
    dependsOn: topology.kafka.map((kafka) => kafka.name),
    setup: [
      {
        kind: "render-template",
        template: join(profile.repoRoot, "infra", "local", "kafka", "mirror-maker.properties.template"),
        target: configFile,
        values: {
          target: mirror.region,
          clusters: topology.kafka.map((kafka) => kafka.region).join(", "),
          bootstrap: topology.kafka
            .map((kafka) => `${kafka.region}.bootstrap.servers = ${kafkaBrokers(kafka)}`)
            .join("\n"),
          flows: sources
            .flatMap((source) => [
              `${source.region}->${mirror.region}.enabled = true`,
              // A backslash starts an escape in a .properties value: the regex's own are doubled.
              `${source.region}->${mirror.region}.topics = ${mirror.topics.replaceAll("\\", "\\\\")}`,
            ])
            .join("\n"),
        },
      },
    ],
    requires: [],
    health: {
      kind: "mirror",
      brokers: [kafkaBrokers(target)],
      sources: sources.map((source) => source.region),
    },
  };
}

/** Jaeger, receiving every app process's spans over OTLP/HTTP and keeping them in memory (ADR 0040). */
function jaegerProcess(profile: LocalProfile, tools: Toolchain, tracing: TracingInstance): ProcessSpec {
  const dir = join(profile.stateDir, tracing.name);
  const configFile = join(dir, "config.yaml");
  return {
    name: tracing.name,
    role: "jaeger",
    endpoint: `${traceQueryUrl(tracing)}  (OTLP ${otlpEndpoint(tracing)})`,
    ports: [tracing.otlpHttpPort, tracing.queryPort, tracing.queryGrpcPort, tracing.healthPort],
    script: join(profile.repoRoot, tools.jaegerBinary),
    args: ["--config", configFile],
    cwd: dir,
    env: baseEnvironment(),
    killTimeoutMs: 10_000,
    startTimeoutMs: 30_000,
    dependsOn: [],
    setup: [
      {
        kind: "render-template",
        template: join(profile.repoRoot, "infra", "local", "jaeger", "config.yaml.template"),
        target: configFile,
        values: {
          host: HOST,
          otlpHttpPort: String(tracing.otlpHttpPort),
          queryPort: String(tracing.queryPort),
          queryGrpcPort: String(tracing.queryGrpcPort),
          healthPort: String(tracing.healthPort),
          maxTraces: String(tracing.maxTraces),
        },
      },
    ],
    // Built by install.sh; until it is, the platform runs without it (and exports nowhere).
    requires: [tools.jaegerBinary],
    health: { kind: "http", url: `http://${HOST}:${tracing.healthPort}/status` },
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
