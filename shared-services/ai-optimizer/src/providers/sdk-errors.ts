import { ProviderError, providerErrorFromStatus } from "./types.ts";

interface SdkErrorClasses {
  APIError: abstract new (...args: never[]) => { status?: number | undefined; headers?: Headers | undefined };
  APIConnectionError: abstract new (...args: never[]) => Error;
}

/**
 * Maps what an SDK threw to a ProviderError. The caller's own cancellation is rethrown as is: it
 * ends the whole request, not just this provider's turn.
 */
export function mapSdkError(
  provider: string,
  error: unknown,
  classes: SdkErrorClasses,
  signals: { caller: AbortSignal; timedOut: () => boolean },
): unknown {
  if (signals.caller.aborted) return signals.caller.reason ?? error;
  if (signals.timedOut()) return new ProviderError("timeout", `${provider}: no answer in time`);
  if (error instanceof classes.APIConnectionError) {
    return new ProviderError("connection_error", `${provider}: ${error.message}`);
  }
  if (error instanceof classes.APIError && typeof error.status === "number") {
    return providerErrorFromStatus(
      provider,
      error.status,
      error.headers,
      (error as unknown as Error).message,
    );
  }
  return new ProviderError(
    "server_error",
    `${provider}: ${error instanceof Error ? error.message : String(error)}`,
  );
}
