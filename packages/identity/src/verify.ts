import {
  decodeProtectedHeader,
  errors,
  type JWTPayload,
  jwtVerify,
  type ProtectedHeaderParameters,
} from "jose";
import { IdentityError } from "./errors.ts";
import type { Identity } from "./identity.ts";
import { createKeyResolver, GOOGLE_SECURETOKEN_JWKS_URL } from "./key-source.ts";
import { createVerifiedTokenCache } from "./token-cache.ts";

export type IdTokenVerifierOptions = {
  /** The Firebase project id: the token's audience and the suffix of its issuer. */
  projectId: string;
  /** `https://…` JWKS endpoint (default: Google's), `http://` on loopback, or `file:///abs/jwks.json`. */
  keySource?: string;
  /** Allowed clock skew between us and the issuer for exp/iat/auth_time. Default 5. */
  clockToleranceSeconds?: number;
  /** Timeout for one fetch of a remote JWKS. Default 5000. */
  fetchTimeoutMs?: number;
  /** Verified tokens remembered (until their exp) so a repeated token skips the signature check. Default 10000; 0 turns the cache off. */
  cacheEntries?: number;
  /** Longest a remembered verification is reused. Default 300. */
  cacheMaxAgeSeconds?: number;
};

export type IdTokenVerifier = {
  /** Resolves the identity of a valid Firebase ID token; rejects only with IdentityError. */
  verify(token: string): Promise<Identity>;
  /**
   * The identity of a token this verifier already accepted and whose exp has not passed, without
   * any cryptography or I/O; undefined otherwise (then call verify). The identity is frozen.
   */
  recall(token: string): Identity | undefined;
};

const FIREBASE_ALGORITHM = "RS256";
const MAX_UID_LENGTH = 128;
const DEFAULT_CACHE_ENTRIES = 10_000;
const DEFAULT_CACHE_MAX_AGE_SECONDS = 300;

export function createIdTokenVerifier(options: IdTokenVerifierOptions): IdTokenVerifier {
  const { projectId, clockToleranceSeconds = 5, fetchTimeoutMs = 5000 } = options;
  if (!projectId) throw new TypeError("projectId is required");
  const issuer = `https://securetoken.google.com/${projectId}`;
  const resolveKey = createKeyResolver(options.keySource ?? GOOGLE_SECURETOKEN_JWKS_URL, fetchTimeoutMs);
  const { cacheEntries = DEFAULT_CACHE_ENTRIES, cacheMaxAgeSeconds = DEFAULT_CACHE_MAX_AGE_SECONDS } =
    options;
  if (!Number.isInteger(cacheEntries) || cacheEntries < 0) {
    throw new TypeError("cacheEntries must be a non-negative integer");
  }
  if (!(cacheMaxAgeSeconds > 0)) throw new TypeError("cacheMaxAgeSeconds must be positive");
  const verified = createVerifiedTokenCache({ maxEntries: cacheEntries, maxAgeSeconds: cacheMaxAgeSeconds });

  async function verify(token: string): Promise<Identity> {
    const known = recall(token);
    if (known) return known;
    if (typeof token !== "string" || token.trim() === "") {
      throw new IdentityError("token_missing", "no ID token was presented");
    }
    // Checked before any key lookup so that a forged header never costs a key fetch.
    checkHeader(readHeader(token));
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, resolveKey, {
        algorithms: [FIREBASE_ALGORITHM],
        issuer,
        audience: projectId,
        clockTolerance: clockToleranceSeconds,
        requiredClaims: ["exp", "iat", "sub"],
      }));
    } catch (error) {
      throw toIdentityError(error);
    }
    // jose accepts an audience array containing the project; Firebase issues exactly one audience.
    if (payload.aud !== projectId) throw wrongAudience();
    const nowSeconds = Math.floor(Date.now() / 1000);
    checkInThePast(payload, "iat", nowSeconds + clockToleranceSeconds);
    if (payload.auth_time !== undefined) {
      checkInThePast(payload, "auth_time", nowSeconds + clockToleranceSeconds);
    }
    const identity = toIdentity(payload, checkSubject(payload.sub));
    // jose required exp to be present and a number.
    verified.remember(token, identity, payload.exp as number);
    return identity;
  }

  function recall(token: string): Identity | undefined {
    return typeof token === "string" ? verified.get(token) : undefined;
  }

  return { verify, recall };
}

function readHeader(token: string): ProtectedHeaderParameters {
  try {
    return decodeProtectedHeader(token);
  } catch (error) {
    throw new IdentityError("token_malformed", "the ID token is not a compact JWT", { cause: error });
  }
}

function checkHeader(header: ProtectedHeaderParameters): void {
  if (header.alg !== FIREBASE_ALGORITHM) {
    throw new IdentityError(
      "token_algorithm_not_allowed",
      `ID tokens must be signed with ${FIREBASE_ALGORITHM}`,
    );
  }
  if (typeof header.kid !== "string" || header.kid === "") {
    throw new IdentityError("token_malformed", "the ID token header has no kid");
  }
}

function checkInThePast(payload: JWTPayload, claim: "iat" | "auth_time", latestSeconds: number): void {
  const value = payload[claim];
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new IdentityError("token_malformed", `the "${claim}" claim must be a number`);
  }
  if (value > latestSeconds) {
    throw new IdentityError("token_not_yet_valid", `the "${claim}" claim is in the future`);
  }
}

/**
 * The uid names the user everywhere (placement, the user directory, every row): a control character
 * or an unpaired surrogate in it could never be stored or looked up, so such a token is refused
 * like any other bad token rather than failing later as an outage.
 */
function checkSubject(sub: unknown): string {
  if (typeof sub !== "string" || sub === "" || sub.length > MAX_UID_LENGTH) {
    throw new IdentityError(
      "token_subject_invalid",
      `the "sub" claim must be a non-empty string of at most ${MAX_UID_LENGTH} characters`,
    );
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(sub) || !sub.isWellFormed()) {
    throw new IdentityError(
      "token_subject_invalid",
      'the "sub" claim holds a control character or an unpaired surrogate',
    );
  }
  return sub;
}

function toIdentity(payload: JWTPayload, uid: string): Identity {
  const identity: Identity = { uid, claims: { ...payload } };
  if (typeof payload.email === "string") identity.email = payload.email;
  if (typeof payload.email_verified === "boolean") identity.emailVerified = payload.email_verified;
  if (typeof payload.name === "string") identity.name = payload.name;
  const firebase = payload.firebase;
  if (isRecord(firebase) && typeof firebase.sign_in_provider === "string") {
    identity.signInProvider = firebase.sign_in_provider;
  }
  return identity;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function toIdentityError(error: unknown): unknown {
  if (error instanceof IdentityError) return error;
  if (error instanceof errors.JWTExpired) {
    return new IdentityError("token_expired", "the ID token has expired", { cause: error });
  }
  if (error instanceof errors.JWTClaimValidationFailed) return fromClaimFailure(error);
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new IdentityError("token_signature_invalid", "the ID token signature is invalid", {
      cause: error,
    });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new IdentityError(
      "token_algorithm_not_allowed",
      `ID tokens must be signed with ${FIREBASE_ALGORITHM}`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof errors.JOSEError) {
    return new IdentityError("token_malformed", "the ID token is malformed", { cause: error });
  }
  // Not a token problem (a bug or a runtime failure): let it surface as a server error.
  return error;
}

function fromClaimFailure(error: errors.JWTClaimValidationFailed): IdentityError {
  const options = { cause: error };
  switch (error.claim) {
    case "iss":
      return new IdentityError("token_wrong_issuer", "the ID token was not issued for this project", options);
    case "aud":
      return wrongAudience(options);
    case "sub":
      return new IdentityError("token_subject_invalid", 'the ID token has no "sub" claim', options);
    case "nbf":
      if (error.reason === "check_failed") {
        return new IdentityError("token_not_yet_valid", "the ID token is not valid yet", options);
      }
  }
  return new IdentityError("token_malformed", `the "${error.claim}" claim is missing or invalid`, options);
}

function wrongAudience(options?: { cause: unknown }): IdentityError {
  return new IdentityError("token_wrong_audience", "the ID token is not meant for this project", options);
}
