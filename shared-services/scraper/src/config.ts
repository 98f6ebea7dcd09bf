import { fileURLToPath } from "node:url";
import { parseEnvironment } from "@hireloop/config";
import { z } from "zod";
import type { FeedSource } from "./boards/feed.ts";

/** The sample postings shipped with the service: the local platform's default board. */
export const BUNDLED_FEED_PATH = fileURLToPath(new URL("../feed/sample-postings.json", import.meta.url));

export const BOARD_NAMES = ["feed", "greenhouse", "lever", "ashby", "remotive", "arbeitnow"] as const;
export type BoardName = (typeof BOARD_NAMES)[number];

const positiveInt = z.coerce.number().int().positive();
const port = z.coerce.number().int().min(0).max(65535);
/** "stripe, airbnb" → ["stripe", "airbnb"]. */
const list = z
  .string()
  .default("")
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

const configSchema = z.object({
  HL_REGION: z.string().min(1),
  HL_GRPC_HOST: z.string().default("127.0.0.1"),
  HL_GRPC_PORT: port.default(50053),
  HL_METRICS_HOST: z.string().default("127.0.0.1"),
  HL_METRICS_PORT: port.default(9473),
  HL_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** A Hireloop feed file; ignored when HL_FEED_URL is set. */
  HL_FEED_PATH: z.string().min(1).default(BUNDLED_FEED_PATH),
  HL_FEED_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Boards searched when a request names none. */
  HL_DEFAULT_BOARDS: list.pipe(z.array(z.enum(BOARD_NAMES))).default(["feed"]),
  HL_GREENHOUSE_BASE_URL: z.url().default("https://boards-api.greenhouse.io"),
  /** Greenhouse board tokens; the board is offered only when some are set. */
  HL_GREENHOUSE_BOARDS: list,
  HL_LEVER_BASE_URL: z.url().default("https://api.lever.co"),
  HL_LEVER_COMPANIES: list,
  HL_ASHBY_BASE_URL: z.url().default("https://api.ashbyhq.com"),
  HL_ASHBY_ORGS: list,
  HL_REMOTIVE_BASE_URL: z.url().default("https://remotive.com"),
  HL_ARBEITNOW_BASE_URL: z.url().default("https://www.arbeitnow.com"),
  /** Boards to leave out even though they need no configuration (e.g. "remotive,arbeitnow"). */
  HL_DISABLED_BOARDS: list.pipe(z.array(z.enum(BOARD_NAMES))),
  HL_HOST_MAX_CONCURRENT: positiveInt.default(2),
  HL_HOST_MIN_INTERVAL_MS: z.coerce.number().int().min(0).default(250),
  HL_FETCH_TIMEOUT_MS: positiveInt.default(10_000),
  HL_FETCH_MAX_ATTEMPTS: positiveInt.max(10).default(3),
  HL_RETRY_BASE_DELAY_MS: positiveInt.default(500),
  HL_RETRY_MAX_DELAY_MS: positiveInt.default(10_000),
  HL_CACHE_ENTRIES: positiveInt.default(500),
  /** Boards ask for few calls (Remotive: a handful a day): a body this young is reused without a request. */
  HL_CACHE_FRESH_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(5 * 60_000),
  HL_MAX_BODY_BYTES: positiveInt.default(20 * 1024 * 1024),
  HL_SEARCH_TIMEOUT_MS: positiveInt.default(20_000),
  HL_DEADLINE_MARGIN_MS: z.coerce.number().int().min(0).default(250),
  HL_USER_AGENT: z
    .string()
    .min(1)
    .default("HireloopScraper/0.1 (job discovery; contact: ops@hireloop.example)"),
});

export interface ScraperConfig {
  region: string;
  grpc: { host: string; port: number };
  metrics: { host: string; port: number };
  logLevel: string;
  feed: FeedSource;
  defaultBoards: BoardName[];
  disabledBoards: BoardName[];
  greenhouse: { baseUrl: string; boards: string[] };
  lever: { baseUrl: string; companies: string[] };
  ashby: { baseUrl: string; organizations: string[] };
  remotive: { baseUrl: string };
  arbeitnow: { baseUrl: string };
  http: {
    perHost: { maxConcurrent: number; minIntervalMs: number };
    timeoutMs: number;
    maxAttempts: number;
    baseRetryDelayMs: number;
    maxRetryDelayMs: number;
    cacheEntries: number;
    cacheFreshMs: number;
    maxBodyBytes: number;
    userAgent: string;
  };
  searchTimeoutMs: number;
  deadlineMarginMs: number;
}

/** Reads and validates the environment once at start-up; the result is injected everywhere else. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ScraperConfig {
  const e = parseEnvironment(configSchema, env, "scraper");
  return {
    region: e.HL_REGION,
    grpc: { host: e.HL_GRPC_HOST, port: e.HL_GRPC_PORT },
    metrics: { host: e.HL_METRICS_HOST, port: e.HL_METRICS_PORT },
    logLevel: e.HL_LOG_LEVEL,
    feed: e.HL_FEED_URL ? { kind: "url", url: e.HL_FEED_URL } : { kind: "file", path: e.HL_FEED_PATH },
    defaultBoards: e.HL_DEFAULT_BOARDS,
    disabledBoards: e.HL_DISABLED_BOARDS,
    greenhouse: { baseUrl: e.HL_GREENHOUSE_BASE_URL, boards: e.HL_GREENHOUSE_BOARDS },
    lever: { baseUrl: e.HL_LEVER_BASE_URL, companies: e.HL_LEVER_COMPANIES },
    ashby: { baseUrl: e.HL_ASHBY_BASE_URL, organizations: e.HL_ASHBY_ORGS },
    remotive: { baseUrl: e.HL_REMOTIVE_BASE_URL },
    arbeitnow: { baseUrl: e.HL_ARBEITNOW_BASE_URL },
    http: {
      perHost: { maxConcurrent: e.HL_HOST_MAX_CONCURRENT, minIntervalMs: e.HL_HOST_MIN_INTERVAL_MS },
      timeoutMs: e.HL_FETCH_TIMEOUT_MS,
      maxAttempts: e.HL_FETCH_MAX_ATTEMPTS,
      baseRetryDelayMs: e.HL_RETRY_BASE_DELAY_MS,
      maxRetryDelayMs: e.HL_RETRY_MAX_DELAY_MS,
      cacheEntries: e.HL_CACHE_ENTRIES,
      cacheFreshMs: e.HL_CACHE_FRESH_MS,
      maxBodyBytes: e.HL_MAX_BODY_BYTES,
      userAgent: e.HL_USER_AGENT,
    },
    searchTimeoutMs: e.HL_SEARCH_TIMEOUT_MS,
    deadlineMarginMs: e.HL_DEADLINE_MARGIN_MS,
  };
}
