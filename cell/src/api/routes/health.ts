import type { Hono } from "hono";
import { checkDependencies } from "../../health.ts";
import type { Services } from "../../services/index.ts";
import type { HonoEnv } from "../env.ts";

/** Liveness, readiness (Postgres, Redis, Kafka) and Prometheus metrics, for the API and the worker alike. */
export function registerHealth(app: Hono<HonoEnv>, services: Services, kafkaReady: () => Promise<void>) {
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
}
