import { Metadata, type ServiceError, status } from "@grpc/grpc-js";

/** The trailer that carries a failure's machine-readable code next to its gRPC status. */
export const ERROR_CODE_KEY = "hl-error-code";

/**
 * A failure a service answers on purpose: a gRPC status for transports and retries, and our own
 * machine-readable code for callers ("resume_unreadable", "budget_exceeded", …).
 */
export class ServiceFailure extends Error {
  override readonly name = "ServiceFailure";

  constructor(
    readonly code: string,
    readonly grpcStatus: status,
    message: string,
  ) {
    super(message);
  }
}

/** The one place a thrown value becomes what the caller receives. Unknown errors say nothing inside. */
export function toServiceError(error: unknown): Partial<ServiceError> & { code: status } {
  const metadata = new Metadata();
  if (error instanceof ServiceFailure) {
    metadata.set(ERROR_CODE_KEY, error.code);
    return { code: error.grpcStatus, details: error.message, metadata };
  }
  metadata.set(ERROR_CODE_KEY, "internal_error");
  return { code: status.INTERNAL, details: "internal error", metadata };
}

/** What a caller learns from a failed call: the status and our code (from the trailer, or the status). */
export function failureOf(error: unknown): { status: status; code: string; message: string } {
  if (error instanceof ServiceFailure)
    return { status: error.grpcStatus, code: error.code, message: error.message };
  const serviceError = error as Partial<ServiceError>;
  if (typeof serviceError.code !== "number") {
    return { status: status.UNKNOWN, code: "internal_error", message: String(error) };
  }
  const [fromTrailer] = serviceError.metadata?.get(ERROR_CODE_KEY) ?? [];
  return {
    status: serviceError.code,
    code: typeof fromTrailer === "string" ? fromTrailer : codeForStatus(serviceError.code),
    message: serviceError.details ?? serviceError.message ?? "",
  };
}

function codeForStatus(code: status): string {
  switch (code) {
    case status.DEADLINE_EXCEEDED:
      return "deadline_exceeded";
    case status.UNAVAILABLE:
      return "service_unavailable";
    case status.CANCELLED:
      return "cancelled";
    case status.RESOURCE_EXHAUSTED:
      return "resource_exhausted";
    default:
      return status[code]?.toLowerCase() ?? "unknown";
  }
}

/**
 * Statuses a service answers about the request itself: the same request fails the same way every
 * time, so it is never retried. INTERNAL and UNKNOWN are not among them: a crash may not repeat.
 */
const PERMANENT = new Set<status>([
  status.INVALID_ARGUMENT,
  status.NOT_FOUND,
  status.ALREADY_EXISTS,
  status.PERMISSION_DENIED,
  status.FAILED_PRECONDITION,
  status.OUT_OF_RANGE,
  status.UNIMPLEMENTED,
  status.UNAUTHENTICATED,
  status.RESOURCE_EXHAUSTED,
]);

/** A service refused the request as it is: asking again cannot help. */
export function isPermanent(error: unknown): boolean {
  const serviceError = error as Partial<ServiceError>;
  if (!(error instanceof ServiceFailure) && typeof serviceError.code !== "number") return false;
  return PERMANENT.has(failureOf(error).status);
}

/**
 * Failures worth another attempt later: the service is down or slow, not the request wrong. A
 * caller over its budget (RESOURCE_EXHAUSTED) is not transient: retrying does not help it.
 */
export function isTransient(error: unknown): boolean {
  const { status: code } = failureOf(error);
  return code === status.UNAVAILABLE || code === status.DEADLINE_EXCEEDED;
}
