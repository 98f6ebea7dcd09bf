import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import {
  type CryptoKey,
  createLocalJWKSet,
  createRemoteJWKSet,
  errors,
  type JSONWebKeySet,
  type JWSHeaderParameters,
} from "jose";
import { IdentityError } from "./errors.ts";

/** Google's signing keys for Firebase ID tokens in JWK form (the same keys as its x509 endpoint). */
export const GOOGLE_SECURETOKEN_JWKS_URL =
  "https://www.googleapis.com/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com";

/** Finds the public key for a token header; fails only with IdentityError. */
export type KeyResolver = (header: JWSHeaderParameters) => Promise<CryptoKey>;

type KeySet = (header: JWSHeaderParameters) => Promise<CryptoKey>;

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

// Google serves Cache-Control of several hours and publishes new keys before signing with them; an
// unknown kid still triggers a refetch after the cooldown, so an hour only delays seeing revocations.
const REMOTE_CACHE_MAX_AGE_MS = 60 * 60 * 1000;
const REMOTE_COOLDOWN_MS = 30 * 1000;

/**
 * Builds a key resolver for `https://…` (a JWKS endpoint), `http://` on loopback only (local key
 * servers; plain HTTP elsewhere would let anyone on the path swap the keys) or `file:///…` (a JWKS
 * file, re-read when it changes so regenerated dev keys are picked up without a restart).
 */
export function createKeyResolver(keySource: string, fetchTimeoutMs: number): KeyResolver {
  const url = parseKeySourceUrl(keySource);
  const keySet =
    url.protocol === "file:"
      ? fileKeySet(fileURLToPath(url))
      : createRemoteJWKSet(url, {
          timeoutDuration: fetchTimeoutMs,
          cacheMaxAge: REMOTE_CACHE_MAX_AGE_MS,
          cooldownDuration: REMOTE_COOLDOWN_MS,
        });
  return async (header) => {
    try {
      return await keySet(header);
    } catch (error) {
      throw toIdentityError(error);
    }
  };
}

function parseKeySourceUrl(keySource: string): URL {
  let url: URL;
  try {
    url = new URL(keySource);
  } catch {
    throw new TypeError(`identity key source is not a URL: ${keySource}`);
  }
  const allowed =
    url.protocol === "https:" ||
    url.protocol === "file:" ||
    (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
  if (!allowed) {
    throw new TypeError(`identity key source must be https://, file:// or http:// on loopback: ${keySource}`);
  }
  return url;
}

/** A rewritten key file takes effect within this long; requests in between reuse the parsed keys. */
const FILE_RECHECK_MS = 1_000;

/**
 * The file is re-read at most once a second, or at once when a token names a kid it lacks (a key
 * rotation), and compared by content — no reliance on mtime resolution, and no I/O on the hot path.
 */
function fileKeySet(path: string): KeySet {
  let loaded: { text: string; keySet: KeySet; checkedAt: number } | undefined;
  const load = async () => {
    const text = await readFile(path, "utf8");
    loaded =
      loaded?.text === text
        ? { ...loaded, checkedAt: Date.now() }
        : { text, keySet: createLocalJWKSet(JSON.parse(text) as JSONWebKeySet), checkedAt: Date.now() };
    return loaded;
  };
  return async (header) => {
    const fresh = !loaded || Date.now() - loaded.checkedAt >= FILE_RECHECK_MS;
    const current = fresh || !loaded ? await load() : loaded;
    try {
      return await current.keySet(header);
    } catch (error) {
      if (fresh || !(error instanceof errors.JWKSNoMatchingKey)) throw error;
      return (await load()).keySet(header);
    }
  };
}

function toIdentityError(error: unknown): IdentityError {
  if (error instanceof errors.JWKSNoMatchingKey) {
    return new IdentityError("token_signature_invalid", "no signing key matches the token's kid", {
      cause: error,
    });
  }
  // Everything else means the key set itself could not be obtained or used: unreachable, timed out,
  // not 200, not JSON, not a JWKS, or a key in it is unusable. The message reaches clients, so the
  // details (URLs, paths) stay in the cause.
  return new IdentityError("identity_keys_unavailable", "identity signing keys are unavailable", {
    cause: error,
  });
}
