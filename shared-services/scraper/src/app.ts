import { bindService, type ServiceBinding } from "@hireloop/grpc";
import type { Logger } from "@hireloop/observability";
import { type ScraperServiceServer, ScraperServiceService } from "@hireloop/proto/scraper";
import type { Registry } from "prom-client";
import { createArbeitnowBoard } from "./boards/arbeitnow.ts";
import { createAshbyBoard } from "./boards/ashby.ts";
import { createFeedBoard } from "./boards/feed.ts";
import { createGreenhouseBoard } from "./boards/greenhouse.ts";
import { createLeverBoard } from "./boards/lever.ts";
import { createRemotiveBoard } from "./boards/remotive.ts";
import type { BoardAdapter } from "./boards/types.ts";
import type { ScraperConfig } from "./config.ts";
import { HttpClient } from "./http.ts";
import { createScraperMetrics } from "./metrics.ts";
import { createScraperService, type ScraperService } from "./service.ts";

export interface ScraperApp {
  binding: ServiceBinding;
  service: ScraperService;
  close(): Promise<void>;
}

/**
 * The boards this configuration offers, in dedupe preference order: the operator's feed, then
 * employers' own ATS boards, then aggregators (which relist ATS postings).
 */
export function configuredBoards(config: ScraperConfig, http: HttpClient): BoardAdapter[] {
  const boards: BoardAdapter[] = [createFeedBoard({ source: config.feed, http })];
  if (config.greenhouse.boards.length > 0) boards.push(createGreenhouseBoard({ http, ...config.greenhouse }));
  if (config.lever.companies.length > 0) boards.push(createLeverBoard({ http, ...config.lever }));
  if (config.ashby.organizations.length > 0) boards.push(createAshbyBoard({ http, ...config.ashby }));
  boards.push(
    createRemotiveBoard({ http, ...config.remotive }),
    createArbeitnowBoard({ http, ...config.arbeitnow }),
  );
  const disabled = new Set<string>(config.disabledBoards);
  return boards.filter((board) => !disabled.has(board.name));
}

/** Builds the scraper from its configuration and injected logger and registry: no sockets opened. */
export function createScraperApp(
  config: ScraperConfig,
  deps: { logger: Logger; registry: Registry },
): ScraperApp {
  const metrics = createScraperMetrics(deps.registry);
  const http = new HttpClient({ ...config.http, metrics });
  const service = createScraperService({
    boards: configuredBoards(config, http),
    defaultBoards: config.defaultBoards,
    metrics,
    logger: deps.logger,
    searchTimeoutMs: config.searchTimeoutMs,
    deadlineMarginMs: config.deadlineMarginMs,
  });
  const binding = bindService<ScraperServiceServer>(ScraperServiceService, {
    searchPostings: (request, call) => service.searchPostings(request, call),
    listBoards: async () => service.listBoards(),
  });
  return { binding, service, close: () => http.close() };
}
