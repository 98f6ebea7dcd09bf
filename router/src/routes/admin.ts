import { checkWithin } from "@hireloop/observability";
import { Hono } from "hono";
import type { RouterDeps } from "../deps.ts";
import type { RouterEnv } from "../env.ts";

const REDIS_CHECK_TIMEOUT_MS = 1_000;

/**
 * Liveness and readiness on the public port, for load balancers and GeoDNS health checks: whether
 * to send traffic here, and nothing about the region's cells (that detail is on the admin port).
 */
export function registerHealth(app: Hono<RouterEnv>) {
  app.get("/healthz", (c) => {
    const { config } = c.get("deps");
    return c.json({ status: "ok", router: config.routerId, region: config.region });
  });
  app.get("/readyz", async (c) => {
    const { status, ready } = await readiness(c.get("deps"));
    return c.json({ status, region: c.get("deps").config.region }, ready ? 200 : 503);
  });
}

/**
 * The admin listener (loopback on the local platform, its own port in production): liveness,
 * readiness with every check and each cell's health, and Prometheus metrics. Ready means the
 * placement is loaded. Redis is reported but does not gate readiness: every replica shares it and
 * falls back to in-memory rate limits, so gating on it would turn a Redis outage into a regional one.
 */
export function createRouterAdminApp(deps: RouterDeps): Hono {
  const app = new Hono();
  const { config, metrics, health, placement } = deps;
  app.get("/healthz", (c) => c.json({ status: "ok", router: config.routerId, region: config.region }));
  app.get("/readyz", async (c) => {
    const { status, ready, checks } = await readiness(deps);
    const cells = placement.cells();
    return c.json(
      {
        status,
        router: config.routerId,
        region: config.region,
        checks,
        cells: Object.fromEntries(cells.map((cell) => [cell.id, health.isUp(cell.id) ? "up" : "down"])),
      },
      ready ? 200 : 503,
    );
  });
  app.get("/metrics", async (c) => {
    c.header("Content-Type", metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });
  app.notFound((c) => c.json({ code: "not_found", message: `no route for ${c.req.path}` }, 404));
  return app;
}

async function readiness({ placement, redis }: RouterDeps) {
  const table = placement.table();
  const placementLoaded = table !== undefined && placement.cells().length > 0;
  const redisCheck = await checkWithin(() => redis.ping(), REDIS_CHECK_TIMEOUT_MS);
  return {
    ready: placementLoaded,
    status: !placementLoaded ? "not_ready" : redisCheck.ok ? "ready" : "degraded",
    checks: {
      placement: { ok: placementLoaded, version: table?.version ?? null, cells: placement.cells().length },
      redis: redisCheck,
    },
  };
}
