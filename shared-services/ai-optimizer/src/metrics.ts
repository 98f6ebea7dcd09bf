import { Counter, Gauge, Histogram, type Registry } from "prom-client";

/** The service's own metrics; gRPC call counts and latencies come from @hireloop/grpc. */
export function createAiMetrics(registry: Registry) {
  const registers = [registry];
  return {
    answers: new Counter({
      name: "hl_ai_answers_total",
      help: "Answers returned, by operation, the provider that answered and whether it came from the cache",
      labelNames: ["operation", "provider", "cached"],
      registers,
    }),
    providerCalls: new Counter({
      name: "hl_ai_provider_calls_total",
      help: "Calls to model providers, by provider, model and outcome (ok or the fallback reason)",
      labelNames: ["provider", "model", "outcome"],
      registers,
    }),
    providerSeconds: new Histogram({
      name: "hl_ai_provider_call_seconds",
      help: "Time a model provider took to answer or fail",
      labelNames: ["provider"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 60],
      registers,
    }),
    fallbacks: new Counter({
      name: "hl_ai_fallbacks_total",
      help: "Providers skipped or failed before another answered, by operation, provider and reason",
      labelNames: ["operation", "provider", "reason"],
      registers,
    }),
    cacheLookups: new Counter({
      name: "hl_ai_cache_lookups_total",
      help: "Exact-match cache lookups, by operation and result (hit, miss, error)",
      labelNames: ["operation", "result"],
      registers,
    }),
    tokens: new Counter({
      name: "hl_ai_tokens_total",
      help: "Tokens billed by model providers, by provider, model and direction (input, output)",
      labelNames: ["provider", "model", "direction"],
      registers,
    }),
    // Per-user series are many; they are what the cost ledger dashboards need, and a region's user
    // count is bounded by its cells. Drop the user label at the scraper if it grows too large.
    costMicroUsd: new Counter({
      name: "hl_ai_cost_micro_usd_total",
      help: "Model spend in micro-USD from the price catalog, by user, cell and provider",
      labelNames: ["user", "cell", "provider"],
      registers,
    }),
    budgetRefusals: new Counter({
      name: "hl_ai_budget_exceeded_total",
      help: "Calls refused with budget_exceeded, by tier",
      labelNames: ["tier"],
      registers,
    }),
    circuitOpen: new Gauge({
      name: "hl_ai_provider_circuit_open",
      help: "1 while a provider's circuit breaker is open (calls skip it), else 0",
      labelNames: ["provider"],
      registers,
    }),
  };
}

export type AiMetrics = ReturnType<typeof createAiMetrics>;
