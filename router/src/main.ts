import { serveHttp } from "@hireloop/http";
import { createLogger, installTracing } from "@hireloop/observability";
import { createRouterApp } from "./app.ts";
import { loadConfig } from "./config.ts";
import { watchControlPlanePlacement } from "./control-plane.ts";
import { buildRouterDeps } from "./deps.ts";
import { edgeHeaders } from "./middleware/edge-headers.ts";
import { createRouterAdminApp } from "./routes/admin.ts";

/** Open streams (server-sent events) get this long to finish after SIGTERM before they are cut. */
const SHUTDOWN_GRACE_MS = 10_000;
/** At start-up, wait this long for Redis so rate limits are shared from the first request. */
const REDIS_START_WAIT_MS = 2_000;

const tracing = installTracing("router");
const config = loadConfig();
const logger = createLogger({ service: "router", region: config.region, level: config.logLevel });
const placement = watchControlPlanePlacement({
  databaseUrl: config.controlDatabaseUrl,
  region: config.region,
  routerId: config.routerId,
  refreshMs: config.placementRefreshMs,
  logger,
});
const deps = buildRouterDeps(config, placement, logger);
placement.ready.then(
  () =>
    logger.info({ version: placement.table()?.version, cells: placement.cells().length }, "placement loaded"),
  () => {},
);
await Promise.race([
  new Promise((resolve) => deps.redis.once("ready", resolve)),
  new Promise((resolve) => setTimeout(resolve, REDIS_START_WAIT_MS)),
]);

// Listening before the placement loads keeps /healthz answering; /readyz says when to send traffic.
const server = serveHttp(
  createRouterApp(deps).fetch,
  { port: config.port, hostname: config.host, headers: edgeHeaders(config) },
  (port) =>
    logger.info({ port, router: config.routerId }, `router listening on http://${config.host}:${port}`),
);
const adminServer = serveHttp(
  createRouterAdminApp(deps).fetch,
  { port: config.admin.port, hostname: config.admin.host },
  (port) => logger.info({ port }, `router admin listening on http://${config.admin.host}:${port}`),
);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS + 10_000);
  force.unref();
  const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
  cut.unref();
  // close() only drops connections idle at that moment; a stream finishing later leaves its
  // keep-alive connection idle until the client's timeout unless it is closed too.
  const sweep = setInterval(() => server.closeIdleConnections(), 100);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  clearTimeout(cut);
  clearInterval(sweep);
  adminServer.close();
  await deps.close();
  await placement.stop();
  await tracing.shutdown();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
