import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

export interface CacheKeyParts {
  operation: string;
  provider: string;
  model: string;
  promptVersion: string;
  /** The input exactly as the model would see it: already redacted. */
  redactedInput: unknown;
}

export interface CachedAnswer {
  /** The model's validated answer, still redacted: the cache never holds personal data. */
  output: unknown;
  inputTokens: number;
  outputTokens: number;
}

/**
 * Exact-match answers of models in Redis. Keys hash the redacted, normalized input with the
 * provider, model and prompt version, so two users whose inputs differ only in personal data share
 * an entry (each gets their own data restored), and a new prompt or model never reads old answers.
 * A Redis failure is a miss, never an error: the cache only saves money.
 */
export function createAnswerCache(redis: Redis, keyPrefix: string, ttlSeconds: number) {
  return {
    key(parts: CacheKeyParts): string {
      const material = JSON.stringify([
        parts.operation,
        parts.provider,
        parts.model,
        parts.promptVersion,
        normalize(parts.redactedInput),
      ]);
      return `${keyPrefix}:cache:${createHash("sha256").update(material).digest("hex")}`;
    },
    async get(key: string): Promise<CachedAnswer | "miss" | "error"> {
      try {
        const raw = await redis.get(key);
        return raw === null ? "miss" : (JSON.parse(raw) as CachedAnswer);
      } catch {
        return "error";
      }
    },
    async set(key: string, answer: CachedAnswer): Promise<void> {
      await redis.set(key, JSON.stringify(answer), "EX", ttlSeconds).catch(() => undefined);
    },
  };
}

export type AnswerCache = ReturnType<typeof createAnswerCache>;

/** Canonical form: object keys sorted, strings NFC with whitespace runs collapsed. */
function normalize(value: unknown): unknown {
  if (typeof value === "string") return value.normalize("NFC").replace(/\s+/g, " ").trim();
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([key, item]) => [key, normalize(item)]),
    );
  }
  return value;
}
