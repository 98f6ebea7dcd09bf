import { configurationError, parseEnvironment } from "@hireloop/config";
import { z } from "zod";

const positiveInt = z.coerce.number().int().positive();
const port = z.coerce.number().int().min(0).max(65535);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

/** Every OpenAI-compatible provider speaks chat completions; Anthropic speaks messages. */
export type ProviderKind = "openai" | "anthropic" | "openai-compatible";

export interface ModelProviderConfig {
  /** What Usage.provider and the metrics call it: "openai", "anthropic" or the local server's name. */
  name: string;
  kind: ProviderKind;
  model: string;
  /** Includes the API version path for OpenAI-style servers, e.g. http://127.0.0.1:8000/v1. */
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
}

export interface AiOptimizerConfig {
  region: string;
  grpc: { host: string; port: number };
  metrics: { host: string; port: number };
  logLevel: string;
  redis: { url: string; keyPrefix: string; commandTimeoutMs: number };
  providers: ModelProviderConfig[];
  /** Path of the price catalog JSON; the built-in one when absent. */
  priceCatalogPath: string | undefined;
  /** Path of the folder holding the versioned prompt files; the built-in one when absent. */
  promptsDir: string | undefined;
  /** Daily model spend allowed per user, by tier, in micro-USD. */
  dailyBudgetMicroUsd: { free: number; premium: number };
  cacheTtlSeconds: number;
  /** Extra attempts after a model answer that is not valid JSON for the operation's schema. */
  malformedOutputRetries: number;
  breaker: { failuresToOpen: number; halfOpenAfterMs: number };
  /** How long a provider that answered 429 without Retry-After is skipped. */
  rateLimitCooldownMs: number;
  /** Key of the HMAC that turns personal values into audit pointers; random per process when absent. */
  auditKey: string | undefined;
  auditMaxEntries: number;
  /** Graceful-stop budget for calls in flight after SIGTERM. */
  shutdownGraceMs: number;
}

const configSchema = z.object({
  HL_REGION: z.string().min(1).default("local"),
  HL_GRPC_HOST: z.string().default("127.0.0.1"),
  HL_GRPC_PORT: port.default(50_052),
  HL_METRICS_HOST: z.string().default("127.0.0.1"),
  HL_METRICS_PORT: port.default(9_472),
  HL_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HL_REDIS_URL: z.url(),
  HL_REDIS_KEY_PREFIX: z.string().min(1).default("hl:ai"),
  HL_REDIS_COMMAND_TIMEOUT_MS: positiveInt.default(500),

  HL_OPENAI_API_KEY: optionalText,
  HL_OPENAI_BASE_URL: z.url().default("https://api.openai.com/v1"),
  HL_OPENAI_MODEL: z.string().min(1).default("gpt-4.1-mini"),
  HL_OPENAI_TIMEOUT_MS: positiveInt.optional(),

  HL_ANTHROPIC_API_KEY: optionalText,
  HL_ANTHROPIC_BASE_URL: z.url().default("https://api.anthropic.com"),
  HL_ANTHROPIC_MODEL: z.string().min(1).default("claude-3-5-haiku-latest"),
  HL_ANTHROPIC_TIMEOUT_MS: positiveInt.optional(),

  /** Any OpenAI-compatible server (vLLM, llama.cpp, Ollama): switched on by its base URL. */
  HL_LOCAL_LLM_BASE_URL: optionalText.pipe(z.url().optional()),
  HL_LOCAL_LLM_MODEL: z.string().min(1).default("local-model"),
  HL_LOCAL_LLM_NAME: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/)
    .default("local"),
  HL_LOCAL_LLM_API_KEY: z.string().default("not-needed"),
  HL_LOCAL_LLM_TIMEOUT_MS: positiveInt.optional(),

  HL_PROVIDER_TIMEOUT_MS: positiveInt.default(20_000),
  HL_PRICE_CATALOG_PATH: optionalText,
  HL_PROMPTS_DIR: optionalText,
  HL_BUDGET_FREE_DAILY_MICRO_USD: z.coerce.number().int().min(0).default(20_000),
  HL_BUDGET_PREMIUM_DAILY_MICRO_USD: z.coerce.number().int().min(0).default(2_000_000),
  HL_CACHE_TTL_SECONDS: positiveInt.default(7 * 24 * 3600),
  HL_MALFORMED_OUTPUT_RETRIES: z.coerce.number().int().min(0).max(3).default(1),
  HL_BREAKER_FAILURES: positiveInt.default(5),
  HL_BREAKER_HALF_OPEN_MS: positiveInt.default(30_000),
  HL_RATE_LIMIT_COOLDOWN_MS: positiveInt.default(10_000),
  HL_AUDIT_KEY: optionalText,
  HL_AUDIT_MAX_ENTRIES: positiveInt.default(100_000),
  HL_SHUTDOWN_GRACE_MS: positiveInt.default(10_000),
});

/** Reads and validates the environment once at start-up; the result is injected everywhere else. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AiOptimizerConfig {
  const e = parseEnvironment(configSchema, env, "ai-optimizer");
  const timeout = (specific: number | undefined) => specific ?? e.HL_PROVIDER_TIMEOUT_MS;
  const providers: ModelProviderConfig[] = [];
  // A provider exists only when configured: with none, the rules engine answers everything.
  if (e.HL_OPENAI_API_KEY) {
    providers.push({
      name: "openai",
      kind: "openai",
      model: e.HL_OPENAI_MODEL,
      baseUrl: e.HL_OPENAI_BASE_URL,
      apiKey: e.HL_OPENAI_API_KEY,
      timeoutMs: timeout(e.HL_OPENAI_TIMEOUT_MS),
    });
  }
  if (e.HL_ANTHROPIC_API_KEY) {
    providers.push({
      name: "anthropic",
      kind: "anthropic",
      model: e.HL_ANTHROPIC_MODEL,
      baseUrl: e.HL_ANTHROPIC_BASE_URL,
      apiKey: e.HL_ANTHROPIC_API_KEY,
      timeoutMs: timeout(e.HL_ANTHROPIC_TIMEOUT_MS),
    });
  }
  if (e.HL_LOCAL_LLM_BASE_URL) {
    if (["openai", "anthropic", "rules"].includes(e.HL_LOCAL_LLM_NAME)) {
      throw configurationError("ai-optimizer", [
        `HL_LOCAL_LLM_NAME: "${e.HL_LOCAL_LLM_NAME}" is taken by a built-in provider`,
      ]);
    }
    providers.push({
      name: e.HL_LOCAL_LLM_NAME,
      kind: "openai-compatible",
      model: e.HL_LOCAL_LLM_MODEL,
      baseUrl: e.HL_LOCAL_LLM_BASE_URL,
      apiKey: e.HL_LOCAL_LLM_API_KEY,
      timeoutMs: timeout(e.HL_LOCAL_LLM_TIMEOUT_MS),
    });
  }
  return {
    region: e.HL_REGION,
    grpc: { host: e.HL_GRPC_HOST, port: e.HL_GRPC_PORT },
    metrics: { host: e.HL_METRICS_HOST, port: e.HL_METRICS_PORT },
    logLevel: e.HL_LOG_LEVEL,
    redis: {
      url: e.HL_REDIS_URL,
      keyPrefix: e.HL_REDIS_KEY_PREFIX,
      commandTimeoutMs: e.HL_REDIS_COMMAND_TIMEOUT_MS,
    },
    providers,
    priceCatalogPath: e.HL_PRICE_CATALOG_PATH,
    promptsDir: e.HL_PROMPTS_DIR,
    dailyBudgetMicroUsd: {
      free: e.HL_BUDGET_FREE_DAILY_MICRO_USD,
      premium: e.HL_BUDGET_PREMIUM_DAILY_MICRO_USD,
    },
    cacheTtlSeconds: e.HL_CACHE_TTL_SECONDS,
    malformedOutputRetries: e.HL_MALFORMED_OUTPUT_RETRIES,
    breaker: { failuresToOpen: e.HL_BREAKER_FAILURES, halfOpenAfterMs: e.HL_BREAKER_HALF_OPEN_MS },
    rateLimitCooldownMs: e.HL_RATE_LIMIT_COOLDOWN_MS,
    auditKey: e.HL_AUDIT_KEY,
    auditMaxEntries: e.HL_AUDIT_MAX_ENTRIES,
    shutdownGraceMs: e.HL_SHUTDOWN_GRACE_MS,
  };
}
