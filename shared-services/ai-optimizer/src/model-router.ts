import {
  BrokenCircuitError,
  type CircuitBreakerPolicy,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
} from "cockatiel";
import type { Tier } from "./budget.ts";
import type { AiMetrics } from "./metrics.ts";
import type { ModelPrice, PriceCatalog } from "./prices.ts";
import {
  type Completion,
  type FallbackReason,
  type ModelProvider,
  ProviderError,
} from "./providers/types.ts";

export interface RoutedProvider {
  provider: ModelProvider;
  price: ModelPrice;
}

export interface ModelRouterOptions {
  failuresToOpen: number;
  halfOpenAfterMs: number;
  /** Skip time after a 429 that gave no Retry-After. */
  rateLimitCooldownMs: number;
}

interface ProviderHealth {
  breaker: CircuitBreakerPolicy;
  /** Epoch ms until which the provider asked us (429) to stay away. */
  coolingUntil: number;
}

/**
 * Which models to try, in which order, and whether each is healthy enough to try now.
 * Free callers get the cheapest configured model; premium callers every model from the best down
 * (quality rank from the price catalog, cheaper first on a tie). The rules engine always follows
 * the chain, so a call never fails because models do.
 */
export class ModelRouter {
  private readonly routed: RoutedProvider[];
  private readonly health = new Map<string, ProviderHealth>();

  constructor(
    providers: ModelProvider[],
    catalog: PriceCatalog,
    private readonly options: ModelRouterOptions,
    private readonly metrics: AiMetrics,
  ) {
    this.routed = providers.map((provider) => ({ provider, price: catalog.priceOf(provider.config) }));
    for (const { provider } of this.routed) {
      const breaker = circuitBreaker(
        handleWhen((error) => error instanceof ProviderError && error.countsAgainstHealth),
        { halfOpenAfter: options.halfOpenAfterMs, breaker: new ConsecutiveBreaker(options.failuresToOpen) },
      );
      const gauge = metrics.circuitOpen.labels({ provider: provider.config.name });
      gauge.set(0);
      breaker.onStateChange((state) => gauge.set(state === CircuitState.Open ? 1 : 0));
      this.health.set(provider.config.name, { breaker, coolingUntil: 0 });
    }
  }

  get providers(): readonly RoutedProvider[] {
    return this.routed;
  }

  chainFor(tier: Tier): RoutedProvider[] {
    const unitCost = (price: ModelPrice) => price.inputUsdPerMillion + price.outputUsdPerMillion;
    if (tier === "free") {
      const cheapest = [...this.routed].sort((a, b) => unitCost(a.price) - unitCost(b.price))[0];
      return cheapest ? [cheapest] : [];
    }
    return [...this.routed].sort(
      (a, b) => b.price.quality - a.price.quality || unitCost(a.price) - unitCost(b.price),
    );
  }

  /** Why a provider must be skipped right now without calling it, if it must. */
  skipReason(provider: ModelProvider, now = Date.now()): FallbackReason | undefined {
    const health = this.healthOf(provider);
    if (health.breaker.state === CircuitState.Open) return "circuit_open";
    if (health.coolingUntil > now) return "rate_limited";
    return undefined;
  }

  /** Calls a provider through its circuit breaker, remembering a 429's cool-down. */
  async call(provider: ModelProvider, work: () => Promise<Completion>): Promise<Completion> {
    const health = this.healthOf(provider);
    const started = performance.now();
    try {
      return await health.breaker.execute(work);
    } catch (error) {
      if (error instanceof BrokenCircuitError) {
        throw new ProviderError("circuit_open", `${provider.config.name}: circuit open`);
      }
      if (error instanceof ProviderError && error.reason === "rate_limited") {
        health.coolingUntil = Date.now() + (error.retryAfterMs ?? this.options.rateLimitCooldownMs);
      }
      throw error;
    } finally {
      this.metrics.providerSeconds.observe(
        { provider: provider.config.name },
        (performance.now() - started) / 1000,
      );
    }
  }

  private healthOf(provider: ModelProvider): ProviderHealth {
    const health = this.health.get(provider.config.name);
    if (!health) throw new Error(`unknown provider ${provider.config.name}`);
    return health;
  }
}
