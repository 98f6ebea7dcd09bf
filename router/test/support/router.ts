import { randomBytes } from "node:crypto";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serveHttp } from "@hireloop/http";
import { installTracing } from "@hireloop/observability";
import { buildTable, type CellRecord } from "@hireloop/placement";
import { testPlatform } from "@hireloop/testkit/platform";
import { routerKeysEnv } from "@hireloop/testkit/regions";
import { PROJECT_ID } from "@hireloop/testkit/tokens";
import { createRouterApp } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { buildRouterDeps, type RouterDeps } from "../../src/deps.ts";
import { edgeHeaders } from "../../src/middleware/edge-headers.ts";
import type { PlacementView } from "../../src/placement.ts";
import { createRouterAdminApp } from "../../src/routes/admin.ts";

export interface TestRouter {
  url: string;
  /** The admin listener: /healthz, /readyz with detail, /metrics. */
  adminUrl: string;
  deps: RouterDeps;
  placement: PlacementView;
  close(): Promise<void>;
}

/** A placement whose table never changes: the one the control plane would build for these cells. */
export function fixedPlacement(cells: readonly CellRecord[]): PlacementView {
  const table = buildTable({ region: "us-east", cells });
  const byId = new Map(cells.map((cell) => [cell.id, cell]));
  return {
    table: () => table,
    cell: (id) => byId.get(id),
    cells: () => cells,
    claimNewTenant: () => Promise.reject(new Error("a fixed placement takes no new pins")),
  };
}

/**
 * The router app on a real socket, configured through its own config loader, in front of `cells`.
 * Each router gets its own rate-limit keys, so tests never share counters.
 */
export async function startRouter(
  cells: readonly CellRecord[],
  jwksUrl: string,
  env: Record<string, string> = {},
  placement: PlacementView = fixedPlacement(cells),
): Promise<TestRouter> {
  installTracing("router");
  const config = loadConfig({
    HL_REGION: "us-east",
    HL_ROUTER_ID: "router-test",
    HL_PORT: "0",
    HL_ADMIN_PORT: "0",
    HL_CONTROL_DATABASE_URL: testPlatform().postgresUrl,
    HL_REDIS_URL: testPlatform().redisUrl,
    HL_AUTH_PROJECT_ID: PROJECT_ID,
    ...(await routerKeysEnv(jwksUrl, env.HL_REGION ?? "us-east")),
    HL_LOG_LEVEL: process.env.HL_TEST_LOG_LEVEL ?? "silent",
    HL_RATE_LIMIT_PREFIX: `hl:test:${randomBytes(5).toString("hex")}`,
    ...env,
  });
  const deps = buildRouterDeps(config, placement);
  // Until Redis is connected the in-memory limiter counts; tests of shared limits start after that.
  if (!env.HL_REDIS_URL) await redisReady(deps);
  const [server, adminServer] = await Promise.all([
    listen(createRouterApp(deps).fetch, edgeHeaders(config)),
    listen(createRouterAdminApp(deps).fetch),
  ]);
  return {
    url: urlOf(server),
    adminUrl: urlOf(adminServer),
    deps,
    placement,
    async close() {
      await Promise.all(
        [server, adminServer].map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      );
      await deps.close();
    },
  };
}

async function listen(
  fetch: (request: Request) => Response | Promise<Response>,
  headers?: Record<string, string>,
): Promise<Server> {
  const server = serveHttp(fetch, { port: 0, hostname: "127.0.0.1", ...(headers ? { headers } : {}) });
  await new Promise<void>((resolve) => server.once("listening", resolve));
  return server;
}

const urlOf = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function redisReady(deps: RouterDeps, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (deps.redis.status !== "ready") {
    if (Date.now() > deadline) throw new Error(`redis not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
