import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * Every error a client can see has one of these codes. The HTTP status lives here, next to the
 * code, so every transport maps errors in one place.
 */
export const errorCodes = {
  validation_failed: 400,
  invalid_json: 400,
  /** A string from the caller holds a NUL or an unpaired UTF-16 surrogate. */
  invalid_text: 400,
  invalid_multipart: 400,
  /** The request did not come from the region's router (ADR 0016). */
  router_credential_missing: 403,
  router_credential_invalid: 403,
  /** The operator API needs a token with the operator role. */
  forbidden_role: 403,
  method_not_allowed: 405,
  /** A discovery names a job board this region does not search. */
  unknown_board: 400,
  unauthenticated: 401,
  not_found: 404,
  conflict: 409,
  /** If-Match names a version of the resource that is no longer its current one. */
  version_mismatch: 412,
  /** A list's cursor was not one the list gave. */
  invalid_cursor: 422,
  idempotency_key_reused: 422,
  payload_too_large: 413,
  unsupported_media_type: 415,
  resume_empty: 422,
  resume_too_large: 413,
  /** The file's text is longer than any resume (resume-core's MAX_RESUME_TEXT_CHARS). */
  resume_too_long: 422,
  resume_unsupported_type: 422,
  resume_unreadable: 422,
  resume_truncated: 422,
  resume_no_text_layer: 422,
  resume_encrypted: 422,
  /** The file was too big or too convoluted to parse within its time and memory limits. */
  resume_too_complex: 422,
  /** A job or a match took longer than the cell's budget for one request's work. */
  input_too_complex: 422,
  workflow_not_finished: 409,
  workflow_already_finished: 409,
  rate_limited: 429,
  /** The user already follows as many workflow event streams as one user may. */
  too_many_streams: 429,
  /** The user has as many heavy requests (uploads, analyses, matches) in progress as one may. */
  too_many_in_progress: 429,
  /** The user's daily budget for language-model work is spent; rule-based features still work. */
  budget_exceeded: 429,
  dependency_unavailable: 503,
  /** Every compute thread of the cell is busy and its queue is full: retry shortly. */
  cell_busy: 503,
  /** The cell holds as many open event streams as it serves; poll the workflow instead, or retry. */
  stream_capacity: 503,
  /** The cell's own Postgres cannot be reached: an outage to retry, never a bug. */
  database_unavailable: 503,
  /** A live migration is moving the tenant to another cell: writes are refused for a few seconds. */
  tenant_migrating: 503,
  /** The cell has more work queued than it takes on: new workflows wait (Retry-After); reads go on. */
  overloaded: 503,
  internal_error: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorCodes;

export class CellError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** When the caller may try again, where the refusal knows better than its code's default. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "CellError";
  }

  get status(): ContentfulStatusCode {
    return errorCodes[this.code];
  }
}

export const notFound = (what: string) => new CellError("not_found", `${what} not found`);
