import { Hono } from "hono";
import { checkDependencies } from "../../dependency-checks.ts";
import type { Services } from "../../services/index.ts";
import { trackTenantCount } from "../../tenancy/tenant-count.ts";
import type { HonoEnv } from "../env.ts";

/**
 * Liveness on the API's port, for the routers' health checks: the one path there that needs no
 * router credential, so it says nothing but that the cell is up, who it is and how many tenants it
 * holds (so routers can tell when it is full). It never waits for the count.
 */
export function registerLiveness(app: Hono<HonoEnv>, services: Services) {
  const tenantCount = trackTenantCount(services.sql);
  app.get("/healthz", (c) => {
    const tenants = tenantCount.current();
    return c.json({
      status: "ok",
      cell: services.config.cellId,
      ...(tenants === undefined ? {} : { tenants }),
    });
  });
}

/**
 * The admin listener of either role (loopback on the local platform, its own port in production):
 * liveness, readiness (Postgres, Redis, Kafka) and Prometheus metrics, which never share the port
 * the router's traffic arrives on.
 */
export function createAdminApp(services: Services, kafkaReady: () => Promise<void>): Hono<HonoEnv> {
  const app = new Hono<HonoEnv>();
  app.get("/healthz", (c) => c.json({ status: "ok", cell: services.config.cellId }));
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
  app.notFound((c) => c.json({ code: "not_found", message: `no route for ${c.req.path}` }, 404));
  return app;
}
