import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  baseEnvironment,
  HOST,
  kafkaBrokers,
  type ProcessSpec,
  postgresUrl,
  redisUrl,
  type SetupStep,
  tracingEnvironment,
} from "./process-spec.ts";
import type { LocalProfile } from "./profile.ts";
import type {
  CellInstance,
  RouterInstance,
  SharedServiceInstance,
  SharedServiceKind,
  Topology,
} from "./topology.ts";

/** The platform's own Node.js processes: the shared services, the cells and the routers. */

/** Where a region's router signing key lives, and each cell's key derived from it (ADR 0016). */
export const routerSigningKeyFile = (profile: LocalProfile, region: string) =>
  join(profile.keysDir, `${region}-router-signing.key`);
export const cellKeyFile = (profile: LocalProfile, cellId: string) =>
  join(profile.keysDir, "cells", `${cellId}.key`);

/** host:port of a region's shared service of a kind, as cells are configured with it. */
function serviceAddress(topology: Topology, region: string, kind: SharedServiceKind): string {
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

export function sharedServiceProcess(profile: LocalProfile, service: SharedServiceInstance): ProcessSpec {
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
      ...tracingEnvironment(topology),
    },
    // CellDeps finish calls in flight on SIGINT within their grace period (10 s by default).
    killTimeoutMs: 15_000,
    startTimeoutMs: 60_000,
    dependsOn: redis === undefined ? [] : [redis.name],
    setup: [],
    requires: [main],
    health: { kind: "grpc", address },
  };
}

export function cellProcesses(profile: LocalProfile, cell: CellInstance): ProcessSpec[] {
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
    ...tracingEnvironment(topology),
  };
  const main = join("cell", "src", "main.ts");
  const signingKeyFile = routerSigningKeyFile(profile, cell.region);
  // Both roles need the database migrated and the keys present; setup steps run once per `up`.
  const setup: SetupStep[] = [
    { kind: "database", adminUrl: postgresUrl(topology.postgres.port, "postgres"), database: cell.database },
    { kind: "migrations", script: join("cell", "src", "db", "prepare.ts"), cwd: repoRoot, databaseUrl },
    { kind: "dev-keys", dir: profile.keysDir },
    { kind: "router-signing-key", file: signingKeyFile },
    { kind: "cell-key", signingKeyFile, cellId: cell.id, file: cellKeyFile(profile, cell.id) },
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
  const adminUrl = `http://${HOST}:${cell.adminPort}`;
  const workerUrl = `http://${HOST}:${cell.workerPort}`;
  return [
    {
      ...common,
      name: `${cell.id}-api`,
      role: "cell-api",
      endpoint: `${apiUrl}  (admin ${adminUrl})`,
      ports: [cell.apiPort, cell.adminPort],
      args: ["--import", "tsx", main, "api"],
      env: {
        ...env,
        HL_PORT: String(cell.apiPort),
        HL_ADMIN_PORT: String(cell.adminPort),
        HL_CELL_KEY_FILE: cellKeyFile(profile, cell.id),
      },
      health: { kind: "http", url: `${adminUrl}/readyz` },
    },
    {
      ...common,
      name: `${cell.id}-worker`,
      role: "cell-worker",
      endpoint: `${workerUrl}/metrics`,
      ports: [cell.workerPort],
      args: ["--import", "tsx", main, "worker"],
      env: { ...env, HL_ADMIN_PORT: String(cell.workerPort) },
      health: { kind: "http", url: `${workerUrl}/healthz` },
    },
  ];
}

export function routerProcess(profile: LocalProfile, router: RouterInstance): ProcessSpec {
  const { topology, repoRoot } = profile;
  const redis = topology.redis.find((r) => r.name === router.redis);
  if (redis === undefined) throw new Error(`router ${router.name} names a Redis missing from the topology`);
  const cells = topology.cells.filter((cell) => cell.region === router.region);
  const controlUrl = postgresUrl(topology.postgres.port, router.controlDatabase);
  const main = join("router", "src", "main.ts");
  const peers = topology.routers.filter((other) => other.region !== router.region);
  const kafka = topology.kafka.find((k) => k.region === router.region);
  const peerSecretFile = join(profile.keysDir, "peer-secret");
  // With peers, the router keeps the user directory from its region's Kafka and sends users home.
  const regionEnv: Record<string, string> =
    peers.length === 0 || kafka === undefined
      ? {}
      : {
          HL_PEER_REGIONS: peers.map((peer) => `${peer.region}=http://${HOST}:${peer.port}`).join(","),
          HL_PEER_SECRET_FILE: peerSecretFile,
          HL_KAFKA_BROKERS: kafkaBrokers(kafka),
        };
  const url = `http://${HOST}:${router.port}`;
  const signingKeyFile = routerSigningKeyFile(profile, router.region);
  return {
    name: router.name,
    role: "router",
    endpoint: `${url}  (web app ${url}/, admin http://${HOST}:${router.adminPort})`,
    ports: [router.port, router.adminPort],
    script: process.execPath,
    args: ["--import", "tsx", main],
    cwd: repoRoot,
    env: {
      ...baseEnvironment(),
      HL_MODE: "dev",
      HL_REGION: router.region,
      HL_ROUTER_ID: router.id,
      HL_PORT: String(router.port),
      HL_ADMIN_PORT: String(router.adminPort),
      HL_ROUTER_SIGNING_KEY_FILE: signingKeyFile,
      HL_CONTROL_DATABASE_URL: controlUrl,
      HL_REDIS_URL: redisUrl(redis),
      HL_AUTH_PROJECT_ID: topology.authProjectId,
      HL_AUTH_JWKS_URL: pathToFileURL(join(profile.keysDir, "jwks.json")).href,
      HL_LOG_LEVEL: topology.logLevel,
      // The web app (built by `make up`) and its "sign in as a development user": dev mode only.
      HL_WEB_DIR: join(repoRoot, "web", "dist"),
      HL_DEV_SIGNIN_KEY_FILE: join(profile.keysDir, "private.jwk.json"),
      ...regionEnv,
      ...tracingEnvironment(topology),
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
      { kind: "router-signing-key", file: signingKeyFile },
      { kind: "peer-secret", file: peerSecretFile },
    ],
    requires: [main],
    health: { kind: "http", url: `http://${HOST}:${router.adminPort}/readyz` },
  };
}
