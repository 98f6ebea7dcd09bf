import { parseEnvironment } from "@hireloop/config";
import { z } from "zod";

const positiveInt = z.coerce.number().int().positive();
const port = z.coerce.number().int().min(0).max(65535);

const configSchema = z.object({
  HL_REGION: z.string().min(1),
  HL_GRPC_HOST: z.string().min(1).default("127.0.0.1"),
  /** 0 picks a free port (tests). */
  HL_GRPC_PORT: port,
  HL_METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  HL_METRICS_PORT: port,
  HL_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Longest a single file may take to parse, from the moment a worker starts on it. */
  HL_PARSE_TIMEOUT_MS: positiveInt.default(5_000),
  /** Heap limit of each parse worker process (128 MB at least: its loader needs room); a file that needs more fails with resume_too_complex. */
  HL_PARSE_MEMORY_MB: positiveInt.min(128).default(256),
  /** Parse worker processes; each reads one file at a time. */
  HL_PARSE_WORKERS: positiveInt.max(64).default(2),
  /** Parses allowed to wait for a worker; past it the service answers UNAVAILABLE (callers retry). */
  HL_PARSE_QUEUE: positiveInt.default(64),
  /** Calls in flight get this long to finish after SIGTERM before they are cancelled. */
  HL_SHUTDOWN_GRACE_MS: positiveInt.default(10_000),
});

export interface PdfServiceConfig {
  region: string;
  grpc: { host: string; port: number };
  metrics: { host: string; port: number };
  logLevel: string;
  parse: { timeoutMs: number; memoryMb: number; workers: number; maxQueue: number };
  shutdownGraceMs: number;
}

/** Reads and validates the environment once at start-up; the result is injected everywhere else. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): PdfServiceConfig {
  const e = parseEnvironment(configSchema, env, "pdf service");
  return {
    region: e.HL_REGION,
    grpc: { host: e.HL_GRPC_HOST, port: e.HL_GRPC_PORT },
    metrics: { host: e.HL_METRICS_HOST, port: e.HL_METRICS_PORT },
    logLevel: e.HL_LOG_LEVEL,
    parse: {
      timeoutMs: e.HL_PARSE_TIMEOUT_MS,
      memoryMb: e.HL_PARSE_MEMORY_MB,
      workers: e.HL_PARSE_WORKERS,
      maxQueue: e.HL_PARSE_QUEUE,
    },
    shutdownGraceMs: e.HL_SHUTDOWN_GRACE_MS,
  };
}
