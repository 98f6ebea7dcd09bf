import { bindService, type ServiceBinding } from "@hireloop/grpc";
import type { Logger } from "@hireloop/observability";
import { type AiOptimizerServiceServer, AiOptimizerServiceService } from "@hireloop/proto/ai";
import type { Redis } from "ioredis";
import type { Registry } from "prom-client";
import { createAuditLog } from "./audit.ts";
import { createBudgets } from "./budget.ts";
import { createAnswerCache } from "./cache.ts";
import type { AiOptimizerConfig } from "./config.ts";
import { createAiMetrics } from "./metrics.ts";
import { ModelRouter } from "./model-router.ts";
import type { PipelineDeps } from "./pipeline.ts";
import { loadPriceCatalog } from "./prices.ts";
import { loadPrompts } from "./prompts.ts";
import { createModelProvider } from "./providers/index.ts";
import type { ModelProvider } from "./providers/types.ts";
import { createAiOptimizerHandlers } from "./service.ts";

export interface AiOptimizerDependencies {
  config: AiOptimizerConfig;
  redis: Redis;
  registry: Registry;
  logger: Logger;
  /** Defaults to one provider per configured model; tests may pass their own. */
  providers?: ModelProvider[];
}

/** Builds the service from injected dependencies: testable without a process or environment. */
export function createAiOptimizer(deps: AiOptimizerDependencies): {
  binding: ServiceBinding;
  pipeline: PipelineDeps;
} {
  const { config, redis, registry, logger } = deps;
  const catalog = loadPriceCatalog(config.priceCatalogPath);
  const metrics = createAiMetrics(registry);
  const providers = deps.providers ?? config.providers.map(createModelProvider);
  const router = new ModelRouter(
    providers,
    catalog,
    {
      failuresToOpen: config.breaker.failuresToOpen,
      halfOpenAfterMs: config.breaker.halfOpenAfterMs,
      rateLimitCooldownMs: config.rateLimitCooldownMs,
    },
    metrics,
  );
  const pipeline: PipelineDeps = {
    router,
    prompts: loadPrompts(config.promptsDir),
    cache: createAnswerCache(redis, config.redis.keyPrefix, config.cacheTtlSeconds),
    budgets: createBudgets(redis, config.redis.keyPrefix, config.dailyBudgetMicroUsd),
    audit: createAuditLog({
      redis,
      keyPrefix: config.redis.keyPrefix,
      hmacKey: config.auditKey,
      maxEntries: config.auditMaxEntries,
      logger,
    }),
    catalog,
    metrics,
    malformedOutputRetries: config.malformedOutputRetries,
  };
  logger.info(
    { providers: providers.map((provider) => `${provider.config.name}/${provider.config.model}`) },
    providers.length === 0 ? "no model configured: the rules engine answers everything" : "model providers",
  );
  return {
    binding: bindService<AiOptimizerServiceServer>(
      AiOptimizerServiceService,
      createAiOptimizerHandlers(pipeline),
    ),
    pipeline,
  };
}
