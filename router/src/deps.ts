import { createIdTokenVerifier, type IdTokenVerifier } from "@hireloop/identity";
import { createLogger, type Logger } from "@hireloop/observability";
import { Redis } from "ioredis";
import { type CellHealth, startCellHealthMonitor } from "./cells/health-monitor.ts";
import { type CellPools, createCellPools } from "./cells/pools.ts";
import type { RouterConfig } from "./config.ts";
import { createRouterMetrics, type RouterMetrics } from "./metrics.ts";
import type { PlacementView } from "./placement.ts";
import { createRateLimiter, type RateLimiter } from "./rate-limits.ts";
import { type RegionServices, startRegions } from "./regions/index.ts";

/** Everything a request handler may use, injected through the context (never module globals). */
export interface RouterDeps {
  config: RouterConfig;
  logger: Logger;
  metrics: RouterMetrics;
  placement: PlacementView;
  health: CellHealth;
  pools: CellPools;
  redis: Redis;
  limits: { address: RateLimiter; user: RateLimiter; userUploads: RateLimiter };
  verifier: IdTokenVerifier;
  /** The peer regions and the user directory; absent while the region is alone. */
  regions: RegionServices | undefined;
}

/** A rate-limit check must not hold a request for long: past this, the in-memory limiter decides. */
const REDIS_COMMAND_TIMEOUT_MS = 250;

/** Builds the router's dependencies around a placement source; close() releases them. */
export function buildRouterDeps(
  config: RouterConfig,
  placement: PlacementView,
  logger: Logger = createLogger({ service: "router", region: config.region, level: config.logLevel }),
): RouterDeps & { close(): Promise<void> } {
  const metrics = createRouterMetrics({ region: config.region, router: config.routerId });
  const redis = new Redis(config.redisUrl, {
    connectTimeout: 2_000,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    maxRetriesPerRequest: 1,
    // Fail fast while disconnected so the insurance limiter answers instead of a queue growing.
    enableOfflineQueue: false,
    // Commands issued in one turn of the event loop (both limits of a request, and those of other
    // requests that arrived together) go out in one write and come back in one read.
    enableAutoPipelining: true,
  });
  let redisHealthy = true;
  redis.on("error", (error) => {
    if (redisHealthy) logger.warn({ err: error }, "redis unreachable: rate limits count in memory");
    redisHealthy = false;
  });
  redis.on("ready", () => {
    if (!redisHealthy) logger.info("redis reachable again: rate limits shared");
    redisHealthy = true;
  });
  const health = startCellHealthMonitor({ placement, ...config.cellHealth, logger, metrics });
  const pools = createCellPools({ ...config.proxy, signingKey: config.signingKey });
  const { keyPrefix, address, user, userUploads } = config.rateLimits;
  const regions = startRegions(config, logger, metrics);
  return {
    config,
    logger,
    metrics,
    placement,
    health,
    pools,
    redis,
    limits: {
      address: createRateLimiter(redis, `${keyPrefix}:address`, address),
      user: createRateLimiter(redis, `${keyPrefix}:user`, user),
      userUploads: createRateLimiter(redis, `${keyPrefix}:user-uploads`, userUploads, {
        refundRefused: true,
      }),
    },
    verifier: createIdTokenVerifier({ projectId: config.auth.projectId, keySource: config.auth.jwksUrl }),
    regions,
    async close() {
      await regions?.close();
      await health.stop();
      await pools.close();
      redis.disconnect();
    },
  };
}
