/** Every way identity verification can fail, as a machine-readable code. */
export const IDENTITY_ERROR_CODES = [
  "token_missing",
  "token_malformed",
  "token_signature_invalid",
  "token_expired",
  "token_not_yet_valid",
  "token_wrong_audience",
  "token_wrong_issuer",
  "token_subject_invalid",
  "token_algorithm_not_allowed",
  "identity_keys_unavailable",
] as const;

export type IdentityErrorCode = (typeof IDENTITY_ERROR_CODES)[number];

export class IdentityError extends Error {
  override readonly name = "IdentityError";
  readonly code: IdentityErrorCode;

  constructor(code: IdentityErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * The HTTP status for a failure. A key source that cannot be reached is our outage, not the caller's
 * fault, so it is 503 (retryable) rather than 401 (which tells clients to sign in again).
 */
export function httpStatusOf(code: IdentityErrorCode): 401 | 503 {
  return code === "identity_keys_unavailable" ? 503 : 401;
}
