import { Hono } from "hono";
import { checkDependencies } from "../../dependency-checks.ts";
import { trackTenantCount } from "../../tenancy/tenant-count.ts";
import type { CellDeps } from "../../wiring/deps.ts";
import type { HonoEnv } from "../env.ts";

/**
 * Liveness on the API's port, for the routers' health checks: the one path there that needs no
 * router credential, so it says nothing but that the cell is up, who it is and how many tenants it
 * holds (so routers can tell when it is full). It never waits for the count.
 */
export function registerLiveness(app: Hono<HonoEnv>, deps: CellDeps) {
  const tenantCount = trackTenantCount(deps.sql);
  app.get("/healthz", (c) => {
    const tenants = tenantCount.current();
    return c.json({
      status: "ok",
      cell: deps.config.cellId,
      ...(tenants === undefined ? {} : { tenants }),
    });
  });
}

/**
 * The admin listener of either role (loopback on the local platform, its own port in production):
 * liveness, readiness (Postgres, Redis, Kafka) and Prometheus metrics, which never share the port
 * the router's traffic arrives on.
 */
export function createAdminApp(deps: CellDeps, kafkaReady: () => Promise<void>): Hono<HonoEnv> {
  const app = new Hono<HonoEnv>();
  app.get("/healthz", (c) => c.json({ status: "ok", cell: deps.config.cellId }));
  app.get("/readyz", async (c) => {
    const checks = await checkDependencies(deps, kafkaReady);
    const ready = Object.values(checks).every((check) => check.ok);
    return c.json(
      { status: ready ? "ready" : "not_ready", cell: deps.config.cellId, checks },
      ready ? 200 : 503,
    );
  });
  app.get("/metrics", async (c) => {
    c.header("Content-Type", deps.metrics.registry.contentType);
    return c.body(await deps.metrics.registry.metrics());
  });
  app.notFound((c) => c.json({ code: "not_found", message: `no route for ${c.req.path}` }, 404));
  return app;
}
