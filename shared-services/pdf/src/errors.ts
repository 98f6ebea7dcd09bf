import { ServiceFailure, status } from "@hireloop/grpc";
import { ParsePoolBusyError } from "./parse-pool.ts";
import type { ParseRefusalCode } from "./parse-task.ts";

/**
 * The one place the pdf service's failures become gRPC statuses and machine codes (the code
 * travels in the hl-error-code trailer). A file's own problems are the caller's: INVALID_ARGUMENT,
 * or RESOURCE_EXHAUSTED for a file too costly to read, so neither retries nor circuit breakers
 * treat them as the service failing. Anything unmapped stays an internal error (the kit hides it).
 */
export type PdfFailureCode = ParseRefusalCode | "unknown_template" | "invalid_request" | "parse_overloaded";

const STATUS_OF: Record<PdfFailureCode, status> = {
  resume_empty: status.INVALID_ARGUMENT,
  resume_too_large: status.INVALID_ARGUMENT,
  resume_too_long: status.INVALID_ARGUMENT,
  resume_unsupported_type: status.INVALID_ARGUMENT,
  resume_unreadable: status.INVALID_ARGUMENT,
  resume_truncated: status.INVALID_ARGUMENT,
  resume_no_text_layer: status.INVALID_ARGUMENT,
  resume_encrypted: status.INVALID_ARGUMENT,
  resume_too_complex: status.RESOURCE_EXHAUSTED,
  unknown_template: status.INVALID_ARGUMENT,
  invalid_request: status.INVALID_ARGUMENT,
  // Every worker busy and the queue full: transient, so the client's channel retries it.
  parse_overloaded: status.UNAVAILABLE,
};

export function pdfFailure(code: PdfFailureCode, message: string): ServiceFailure {
  return new ServiceFailure(code, STATUS_OF[code], message);
}

/** Maps what a handler threw; ServiceFailures (incl. the kit's deadline/cancel ones) pass through. */
export function toPdfFailure(error: unknown): unknown {
  if (error instanceof ParsePoolBusyError) return pdfFailure("parse_overloaded", error.message);
  return error;
}
