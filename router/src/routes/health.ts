import { checkWithin } from "@hireloop/observability";
import type { Hono } from "hono";
import type { RouterEnv } from "../env.ts";

const REDIS_CHECK_TIMEOUT_MS = 1_000;

/**
 * Liveness, readiness and Prometheus metrics. Ready means the placement is loaded. Redis is reported
 * but does not gate readiness: every replica shares it and falls back to in-memory rate limits, so
 * gating on it would turn a Redis outage into a regional one.
 */
export function registerHealth(app: Hono<RouterEnv>) {
  app.get("/healthz", (c) => {
    const { config } = c.get("services");
    return c.json({ status: "ok", router: config.routerId, region: config.region });
  });
  app.get("/readyz", async (c) => {
    const { config, placement, redis, health } = c.get("services");
    const table = placement.table();
    const cells = placement.cells();
    const placementLoaded = table !== undefined && cells.length > 0;
    const redisCheck = await checkWithin(() => redis.ping(), REDIS_CHECK_TIMEOUT_MS);
    const body = {
      status: !placementLoaded ? "not_ready" : redisCheck.ok ? "ready" : "degraded",
      router: config.routerId,
      checks: {
        placement: { ok: placementLoaded, version: table?.version ?? null, cells: cells.length },
        redis: redisCheck,
      },
      cells: Object.fromEntries(cells.map((cell) => [cell.id, health.isUp(cell.id) ? "up" : "down"])),
    };
    return c.json(body, placementLoaded ? 200 : 503);
  });
  app.get("/metrics", async (c) => {
    const { metrics } = c.get("services");
    c.header("Content-Type", metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });
}
