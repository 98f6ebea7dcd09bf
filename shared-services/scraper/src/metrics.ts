import { Counter, type Registry } from "prom-client";

export interface ScraperMetrics {
  boardSearches: Counter<"board" | "status">;
  postingsFound: Counter<"board">;
  dedupDropped: Counter<"reason">;
  httpResponses: Counter<"host" | "code">;
  rateLimited: Counter<"host">;
}

export function createScraperMetrics(registry: Registry): ScraperMetrics {
  return {
    boardSearches: new Counter({
      name: "hl_scraper_board_searches_total",
      help: "Board searches by board and outcome (ok, rate_limited, unavailable, malformed, not_found)",
      labelNames: ["board", "status"],
      registers: [registry],
    }),
    postingsFound: new Counter({
      name: "hl_scraper_postings_found_total",
      help: "Postings a board returned, before deduplication",
      labelNames: ["board"],
      registers: [registry],
    }),
    dedupDropped: new Counter({
      name: "hl_scraper_dedup_dropped_total",
      help: "Postings dropped as duplicates, by reason (url, content)",
      labelNames: ["reason"],
      registers: [registry],
    }),
    httpResponses: new Counter({
      name: "hl_scraper_http_responses_total",
      help: "Job-board HTTP attempts by host and status code (or timeout, network_error)",
      labelNames: ["host", "code"],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: "hl_scraper_http_rate_limited_total",
      help: "429 Too Many Requests answers by host",
      labelNames: ["host"],
      registers: [registry],
    }),
  };
}
