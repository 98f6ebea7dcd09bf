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

/**
 * The file is small, so it is read on every lookup and compared by content: no reliance on mtime
 * resolution, and a rewritten key set takes effect on the next request.
 */
function fileKeySet(path: string): KeySet {
  let loaded: { text: string; keySet: KeySet } | undefined;
  return async (header) => {
    const text = await readFile(path, "utf8");
    if (loaded?.text !== text)
      loaded = { text, keySet: createLocalJWKSet(JSON.parse(text) as JSONWebKeySet) };
    return loaded.keySet(header);
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
