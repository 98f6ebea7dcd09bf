import { configurationError, parseEnvironment } from "@hireloop/config";
import { readKeyFile } from "@hireloop/identity";
import { z } from "zod";

const configSchema = z.object({
  HL_MODE: z.enum(["dev", "production"]).default("production"),
  HL_REGION: z.string().min(1),
  HL_CELL_ID: z.string().min(1),
  /** The API's port, which answers only the region's router (ADR 0016). The worker has none. */
  HL_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HL_HOST: z.string().default("127.0.0.1"),
  /** Health, readiness and metrics of either role: the platform's probes and Prometheus, never the router's callers. */
  HL_ADMIN_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HL_ADMIN_HOST: z.string().default("127.0.0.1"),
  /** This cell's request key (hex), derived from the region's router signing key: `npx hireloop cell key <id>`. */
  HL_CELL_KEY_FILE: z.string().min(1).optional(),
  HL_DATABASE_URL: z.url(),
  HL_REDIS_URL: z.url(),
  HL_KAFKA_BROKERS: z.string().min(1),
  HL_KAFKA_TOPIC: z.string().default("hireloop.events"),
  HL_AUTH_PROJECT_ID: z.string().min(1),
  HL_AUTH_JWKS_URL: z
    .string()
    .default("https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com"),
  HL_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Each workflow step's own time limit; a crashed worker's job is retried after this plus a margin. */
  HL_STEP_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  HL_STEP_RETRIES: z.coerce.number().int().min(0).max(10).default(3),
  HL_STEP_RETRY_DELAY_SECONDS: z.coerce.number().int().min(1).default(1),
  /**
   * Backpressure (ADR 0041): workflow steps waiting in the queue past which new workflows are
   * refused (503 overloaded). Free callers are refused from HL_ADMISSION_FREE_SHARE of it on, so
   * paid callers are shed last. The depth is read every HL_ADMISSION_REFRESH_MS.
   */
  HL_ADMISSION_QUEUE_DEPTH: z.coerce.number().int().positive().default(500),
  HL_ADMISSION_FREE_SHARE: z.coerce.number().gt(0).max(1).default(0.8),
  HL_ADMISSION_RETRY_AFTER_SECONDS: z.coerce.number().int().positive().default(10),
  HL_ADMISSION_REFRESH_MS: z.coerce.number().int().min(100).default(1000),
  /** The region's shared services (host:port of their gRPC endpoints) and each call's deadline. */
  HL_PDF_ADDRESS: z.string().min(1),
  HL_AI_OPTIMIZER_ADDRESS: z.string().min(1),
  HL_SCRAPER_ADDRESS: z.string().min(1),
  HL_PDF_DEADLINE_MS: z.coerce.number().int().positive().default(10_000),
  HL_AI_OPTIMIZER_DEADLINE_MS: z.coerce.number().int().positive().default(15_000),
  HL_SCRAPER_DEADLINE_MS: z.coerce.number().int().positive().default(15_000),
  /** Worker threads that do the CPU-bound part of requests (compute/pool.ts), and their limits. */
  HL_COMPUTE_THREADS: z.coerce.number().int().min(1).max(32).default(2),
  HL_COMPUTE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  HL_COMPUTE_QUEUE: z.coerce.number().int().min(1).default(64),
  HL_COMPUTE_MEMORY_MB: z.coerce.number().int().min(64).default(256),
  /** Compute tasks one tenant may have at once: the rest of the pool stays for the cell's others. */
  HL_COMPUTE_PER_TENANT: z.coerce.number().int().min(1).default(2),
  /** Workflow event streams: open at once per user and per API process, and when an open one is closed. */
  HL_STREAMS_PER_USER: z.coerce.number().int().min(1).default(4),
  HL_STREAMS_PER_CELL: z.coerce.number().int().min(1).default(64),
  HL_STREAM_IDLE_SECONDS: z.coerce.number().int().min(1).default(120),
  HL_STREAM_MAX_SECONDS: z.coerce.number().int().min(1).default(600),
  /** How long a workflow step waits (retrying with backoff) for a shared service that is down. */
  HL_SERVICE_WAIT_MAX_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
});

/** When the cell stops taking new workflows (HL_ADMISSION_*, ADR 0041). */
export interface AdmissionLimits {
  /** Steps waiting in the queue from which no new workflow is taken. */
  queueDepth: number;
  /** The share of `queueDepth` from which free callers' workflows are refused: paid ones are shed last. */
  freeShare: number;
  retryAfterSeconds: number;
  /** How often the queue's depth is read. */
  refreshMs: number;
}

export type CellConfig = {
  mode: "dev" | "production";
  region: string;
  cellId: string;
  /** The API's public port (absent for the worker and for operator tools). */
  port: number | undefined;
  host: string;
  admin: { port: number | undefined; host: string };
  /** The key that checks the router credential of every request to the API. */
  cellKey: Buffer | undefined;
  databaseUrl: string;
  redisUrl: string;
  kafkaBrokers: string[];
  kafkaTopic: string;
  auth: { projectId: string; jwksUrl: string };
  logLevel: string;
  steps: { timeoutMs: number; retries: number; retryDelaySeconds: number; serviceWaitMaxMs: number };
  admission: AdmissionLimits;
  compute: { threads: number; timeoutMs: number; maxQueue: number; memoryMb: number; perTenant: number };
  streams: { perUser: number; perCell: number; idleSeconds: number; maxSeconds: number };
  services: Record<"pdf" | "ai" | "scraper", { address: string; deadlineMs: number }>;
};

/** Reads and validates the environment once at start-up; the result is injected everywhere else. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): CellConfig {
  const e = parseEnvironment(configSchema, env, "cell");
  let cellKey: Buffer | undefined;
  try {
    cellKey = e.HL_CELL_KEY_FILE === undefined ? undefined : readKeyFile(e.HL_CELL_KEY_FILE);
  } catch (error) {
    throw configurationError("cell", [`HL_CELL_KEY_FILE: ${(error as Error).message}`]);
  }
  return {
    mode: e.HL_MODE,
    region: e.HL_REGION,
    cellId: e.HL_CELL_ID,
    port: e.HL_PORT,
    host: e.HL_HOST,
    admin: { port: e.HL_ADMIN_PORT, host: e.HL_ADMIN_HOST },
    cellKey,
    databaseUrl: e.HL_DATABASE_URL,
    redisUrl: e.HL_REDIS_URL,
    kafkaBrokers: e.HL_KAFKA_BROKERS.split(",").map((b) => b.trim()),
    kafkaTopic: e.HL_KAFKA_TOPIC,
    auth: { projectId: e.HL_AUTH_PROJECT_ID, jwksUrl: e.HL_AUTH_JWKS_URL },
    logLevel: e.HL_LOG_LEVEL,
    steps: {
      timeoutMs: e.HL_STEP_TIMEOUT_MS,
      retries: e.HL_STEP_RETRIES,
      retryDelaySeconds: e.HL_STEP_RETRY_DELAY_SECONDS,
      serviceWaitMaxMs: e.HL_SERVICE_WAIT_MAX_MS,
    },
    admission: {
      queueDepth: e.HL_ADMISSION_QUEUE_DEPTH,
      freeShare: e.HL_ADMISSION_FREE_SHARE,
      retryAfterSeconds: e.HL_ADMISSION_RETRY_AFTER_SECONDS,
      refreshMs: e.HL_ADMISSION_REFRESH_MS,
    },
    streams: {
      perUser: e.HL_STREAMS_PER_USER,
      perCell: e.HL_STREAMS_PER_CELL,
      idleSeconds: e.HL_STREAM_IDLE_SECONDS,
      maxSeconds: e.HL_STREAM_MAX_SECONDS,
    },
    compute: {
      threads: e.HL_COMPUTE_THREADS,
      timeoutMs: e.HL_COMPUTE_TIMEOUT_MS,
      maxQueue: e.HL_COMPUTE_QUEUE,
      memoryMb: e.HL_COMPUTE_MEMORY_MB,
      perTenant: e.HL_COMPUTE_PER_TENANT,
    },
    services: {
      pdf: { address: e.HL_PDF_ADDRESS, deadlineMs: e.HL_PDF_DEADLINE_MS },
      ai: { address: e.HL_AI_OPTIMIZER_ADDRESS, deadlineMs: e.HL_AI_OPTIMIZER_DEADLINE_MS },
      scraper: { address: e.HL_SCRAPER_ADDRESS, deadlineMs: e.HL_SCRAPER_DEADLINE_MS },
    },
  };
}
