export const LOCAL_ERROR_CODES = [
  "topology_invalid",
  "tool_missing",
  "port_in_use",
  "setup_failed",
  "start_timeout",
  "process_crashed",
  "dependency_failed",
  "unknown_process",
  "unknown_profile",
  "platform_not_running",
  "platform_busy",
  "pm2_failed",
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
