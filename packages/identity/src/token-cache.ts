import { hash } from "node:crypto";
import { LRUCache } from "lru-cache";
import type { Identity } from "./identity.ts";

export type VerifiedTokenCacheOptions = {
  /** Most tokens remembered; the least recently used is forgotten first. 0 remembers none. */
  maxEntries: number;
  /** Longest a verification is reused, however far away the token's exp is. */
  maxAgeSeconds: number;
};

/**
 * Identities of tokens that passed verification, so a client sending the same token on every
 * request costs one signature check per token rather than one per request. Only successes go in,
 * and an entry ends at the token's own exp (tolerance not included: past exp the token is verified
 * again, clock tolerance and all) or after maxAgeSeconds, so a key that leaves the key set stops
 * being honoured for cached tokens within that bound. Keys are SHA-256 digests of the whole token:
 * a token that differs in any byte is a different entry, and no bearer token is kept in memory.
 */
export type VerifiedTokenCache = {
  get(token: string): Identity | undefined;
  remember(token: string, identity: Identity, expSeconds: number): void;
};

export function createVerifiedTokenCache(options: VerifiedTokenCacheOptions): VerifiedTokenCache {
  const { maxEntries, maxAgeSeconds } = options;
  if (maxEntries === 0) return { get: () => undefined, remember: () => {} };
  // Token expiry is wall-clock time, so entries age by Date.now() too (not a monotonic clock).
  const entries = new LRUCache<string, Identity>({
    max: maxEntries,
    perf: { now: () => Date.now() },
    ttlResolution: 0,
  });
  const keyOf = (token: string) => hash("sha256", token, "base64url");

  return {
    get: (token) => (token === "" ? undefined : entries.get(keyOf(token))),
    remember(token, identity, expSeconds) {
      // lru-cache keeps an entry while its age is at most ttl; a token is expired from exp on.
      const now = Date.now();
      const ttl = Math.min(expSeconds * 1000 - now, maxAgeSeconds * 1000) - 1;
      if (ttl <= 0) return;
      entries.set(keyOf(token), deepFreeze(identity), { ttl, start: now });
    },
  };
}

/** One identity object serves many requests, so none of them may change it for the others. */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
