export const LOCAL_ERROR_CODES = [
  "TOPOLOGY_INVALID",
  "TOOL_MISSING",
  "PORT_IN_USE",
  "SETUP_FAILED",
  "START_TIMEOUT",
  "PROCESS_CRASHED",
  "DEPENDENCY_FAILED",
  "UNKNOWN_PROCESS",
  "UNKNOWN_PROFILE",
  "PLATFORM_NOT_RUNNING",
  "PLATFORM_BUSY",
  "PM2_FAILED",
] as const;

export type LocalErrorCode = (typeof LOCAL_ERROR_CODES)[number];

/** The one error type of `hireloop local`: a machine-readable code and a message an operator can act on. */
export class LocalPlatformError extends Error {
  override readonly name = "LocalPlatformError";

  constructor(
    readonly code: LocalErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function describeError(error: unknown): string {
  if (error instanceof LocalPlatformError) return `[${error.code}] ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
