import type { Hono } from "hono";
import { checkDependencies } from "../../health.ts";
import type { Services } from "../../services/index.ts";
import { trackTenantCount } from "../../tenancy/tenant-count.ts";
import type { HonoEnv } from "../env.ts";

/**
 * Liveness, readiness (Postgres, Redis, Kafka) and Prometheus metrics, for the API and the worker
 * alike. Liveness also says how many tenants the cell holds (when counted), so routers can tell
 * when it is full; it never waits for the count.
 */
export function registerHealth(app: Hono<HonoEnv>, services: Services, kafkaReady: () => Promise<void>) {
  const tenantCount = trackTenantCount(services.sql);
  app.get("/healthz", (c) => {
    const tenants = tenantCount.current();
    return c.json({
      status: "ok",
      cell: services.config.cellId,
      ...(tenants === undefined ? {} : { tenants }),
    });
  });
  app.get("/readyz", async (c) => {
    const checks = await checkDependencies(services, kafkaReady);
    const ready = Object.values(checks).every((check) => check.ok);
    return c.json(
      { status: ready ? "ready" : "not_ready", cell: services.config.cellId, checks },
      ready ? 200 : 503,
    );
  });
  app.get("/metrics", async (c) => {
    c.header("Content-Type", services.metrics.registry.contentType);
    return c.body(await services.metrics.registry.metrics());
  });
}
