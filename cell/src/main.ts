import type { Server } from "node:http";
import { serveHttp } from "@hireloop/http";
import { createIdTokenVerifier } from "@hireloop/identity";
import { installTracing } from "@hireloop/observability";
import { createApp } from "./api/app.ts";
import { createAdminApp } from "./api/routes/admin.ts";
import { loadConfig } from "./config.ts";
import { createKafka } from "./events/kafka.ts";
import { buildDeps, type CellRole } from "./wiring/build.ts";
import { startWorker } from "./worker.ts";

/** `main.ts api` serves the cell's HTTP API; `main.ts worker` runs workflows, the outbox relay and consumers. */
const role = process.argv[2] as CellRole;
if (role !== "api" && role !== "worker") {
  console.error("usage: main.ts api|worker");
  process.exit(2);
}

const tracing = installTracing(role === "api" ? "cell-api" : "cell-worker");
const config = loadConfig();
function required<T>(value: T | undefined, name: string): T {
  if (value !== undefined) return value;
  console.error(`invalid cell configuration: the ${role} needs ${name}`);
  process.exit(2);
}
const adminPort = required(config.admin.port, "HL_ADMIN_PORT");
const api =
  role === "api"
    ? { port: required(config.port, "HL_PORT"), cellKey: required(config.cellKey, "HL_CELL_KEY_FILE") }
    : undefined;
const deps = await buildDeps(config, role);
const { logger } = deps;

let stopRole: () => Promise<void>;
let kafkaReady: () => Promise<void>;
const servers: Server[] = [];

/** Above the router's own limit (16 KB), so whatever the router passes on, with what it adds, fits. */
const MAX_HEADER_BYTES = 32 * 1024;

function listen(
  name: string,
  fetch: (request: Request) => Response | Promise<Response>,
  port: number,
  hostname: string,
) {
  const server = serveHttp(fetch, { port, hostname, maxHeaderBytes: MAX_HEADER_BYTES }, (listening) =>
    logger.info(
      { port: listening, role, mode: config.mode },
      `cell ${role} ${name} listening on http://${hostname}:${listening}`,
    ),
  );
  servers.push(server);
}

if (api) {
  // The API checks Kafka for /readyz; it never publishes directly (the outbox does).
  const kafka = createKafka(`hireloop-${config.cellId}-api`, config.kafkaBrokers, logger);
  const admin = kafka.admin();
  kafkaReady = async () => {
    await admin.connect();
    await admin.describeCluster();
  };
  const verifier = createIdTokenVerifier({
    projectId: config.auth.projectId,
    keySource: config.auth.jwksUrl,
  });
  listen("api", createApp({ deps, verifier, cellKey: api.cellKey }).fetch, api.port, config.host);
  stopRole = () => admin.disconnect();
} else {
  const worker = await startWorker(deps);
  kafkaReady = worker.kafkaReady;
  stopRole = worker.stop;
}
listen("admin", createAdminApp(deps, kafkaReady).fetch, adminPort, config.admin.host);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 20_000);
  force.unref();
  await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  await stopRole().catch((error) => logger.warn({ err: error }, "stopping the role failed"));
  await deps.close();
  await tracing.shutdown();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
