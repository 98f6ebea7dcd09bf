import { homedir } from "node:os";
import { dirname } from "node:path";
import type { HealthCheck } from "./probes.ts";
import type { KafkaInstance, RedisInstance, Topology, TracingInstance } from "./topology.ts";

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
  /** The secret the regions' routers share (random, created once, never in the repository). */
  | { kind: "peer-secret"; file: string }
  /** A region's router signing key (random, created once); each cell's key is derived from it (ADR 0016). */
  | { kind: "router-signing-key"; file: string }
  /** A cell's request key, derived from its region's router signing key. */
  | { kind: "cell-key"; signingKeyFile: string; cellId: string; file: string }
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
  | "mirror"
  | "shared-service"
  | "cell-api"
  | "cell-worker"
  | "router"
  | "jaeger";

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

export const HOST = "127.0.0.1";
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

/** Where a platform's processes send spans (OTLP/HTTP); the exporter adds /v1/traces. */
export function otlpEndpoint(tracing: TracingInstance): string {
  return `http://${HOST}:${tracing.otlpHttpPort}`;
}

/** Jaeger's query listener: the UI page and the API (/api/traces/<trace id>). */
export function traceQueryUrl(tracing: TracingInstance): string {
  return `http://${HOST}:${tracing.queryPort}`;
}

/** The standard OpenTelemetry variable naming the platform's Jaeger, for every app process (ADR 0040). */
export function tracingEnvironment(topology: Topology): Record<string, string> {
  return topology.tracing ? { OTEL_EXPORTER_OTLP_ENDPOINT: otlpEndpoint(topology.tracing) } : {};
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
