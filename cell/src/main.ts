import { createIdTokenVerifier } from "@hireloop/identity";
import { installTracing } from "@hireloop/observability";
import { serve } from "@hono/node-server";
import { Hono } from "hono";
import { createApp } from "./api/app.ts";
import type { HonoEnv } from "./api/env.ts";
import { registerHealth } from "./api/routes/health.ts";
import { loadConfig } from "./config.ts";
import { createKafka } from "./events/kafka.ts";
import { buildServices, type CellRole } from "./services/build.ts";
import { startWorker } from "./worker.ts";

/** `main.ts api` serves the cell's HTTP API; `main.ts worker` runs workflows, the outbox relay and consumers. */
const role = process.argv[2] as CellRole;
if (role !== "api" && role !== "worker") {
  console.error("usage: main.ts api|worker");
  process.exit(2);
}

installTracing();
const config = loadConfig();
const services = await buildServices(config, role);
const { logger } = services;

let stopRole: () => Promise<void>;
let kafkaReady: () => Promise<void>;
let fetchHandler: (request: Request) => Response | Promise<Response>;

if (role === "api") {
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
  fetchHandler = createApp({ services, verifier, kafkaReady }).fetch;
  stopRole = () => admin.disconnect();
} else {
  const worker = await startWorker(services);
  kafkaReady = worker.kafkaReady;
  const health = new Hono<HonoEnv>();
  registerHealth(health, services, kafkaReady);
  fetchHandler = health.fetch;
  stopRole = worker.stop;
}

const server = serve({ fetch: fetchHandler, port: config.port, hostname: config.host }, (info) =>
  logger.info(
    { port: info.port, role, mode: config.mode },
    `cell ${role} listening on http://${config.host}:${info.port}`,
  ),
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 20_000);
  force.unref();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await stopRole().catch((error) => logger.warn({ err: error }, "stopping the role failed"));
  await services.close();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
