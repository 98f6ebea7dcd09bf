import { createMetricsRegistry } from "@hireloop/observability";
import { HttpClient, type HttpClientOptions } from "../../src/http.ts";
import { createScraperMetrics } from "../../src/metrics.ts";

/** An HTTP client with test-sized delays: no waiting between requests, quick retries. */
export function testHttpClient(overrides: Partial<HttpClientOptions> = {}) {
  const registry = createMetricsRegistry({ service: "scraper-test" });
  const metrics = createScraperMetrics(registry);
  const http = new HttpClient({
    timeoutMs: 2_000,
    perHost: { maxConcurrent: 4, minIntervalMs: 0 },
    maxAttempts: 3,
    baseRetryDelayMs: 10,
    maxRetryDelayMs: 2_000,
    cacheEntries: 50,
    cacheFreshMs: 0,
    maxBodyBytes: 1024 * 1024,
    userAgent: "HireloopScraperTest/1.0",
    metrics,
    ...overrides,
  });
  return { http, registry };
}

export function signal(ms = 10_000): AbortSignal {
  return AbortSignal.timeout(ms);
}
