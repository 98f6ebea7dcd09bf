import type { ModelProviderConfig } from "../config.ts";

/** Why a provider did not give a usable answer: the words in Usage.fallbacks and in the metrics. */
export type FallbackReason =
  | "rate_limited"
  | "timeout"
  | "server_error"
  | "connection_error"
  | "rejected_request"
  | "malformed_output"
  | "invented_facts"
  | "circuit_open"
  | "budget"
  | "budget_unavailable"
  | "deadline";

export interface CompletionRequest {
  system: string;
  /** The operation's input as JSON, already redacted. */
  user: string;
  maxOutputTokens: number;
  /** The caller's cancellation: the provider adds its own timeout on top. */
  signal: AbortSignal;
}

export interface Completion {
  text: string;
  inputTokens: number;
  outputTokens: number;
}

/** A language model behind one interface: text in, text and token counts out, failures as ProviderError. */
export interface ModelProvider {
  readonly config: ModelProviderConfig;
  complete(request: CompletionRequest): Promise<Completion>;
}

/** A provider's failure with the reason the router acts on (skip, cool down, count against health). */
export class ProviderError extends Error {
  override readonly name = "ProviderError";

  constructor(
    readonly reason: FallbackReason,
    message: string,
    /** For 429: how long the provider asked us to stay away. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** Failures that say the provider is unwell (not that one answer was bad) open its circuit. */
  get countsAgainstHealth(): boolean {
    return ["rate_limited", "timeout", "server_error", "connection_error"].includes(this.reason);
  }
}

/** Turns an SDK's HTTP failure into a reason; both SDKs expose `status` and `headers` alike. */
export function providerErrorFromStatus(
  provider: string,
  status: number,
  headers: Headers | undefined,
  message: string,
): ProviderError {
  if (status === 429) {
    return new ProviderError("rate_limited", `${provider}: rate limited`, retryAfterMs(headers));
  }
  if (status === 408) return new ProviderError("timeout", `${provider}: request timeout`);
  if (status >= 500) return new ProviderError("server_error", `${provider}: HTTP ${status}`);
  return new ProviderError("rejected_request", `${provider}: HTTP ${status}: ${message.slice(0, 200)}`);
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const msHeader = headers?.get("retry-after-ms");
  if (msHeader && Number.isFinite(Number(msHeader))) return Number(msHeader);
  const value = headers?.get("retry-after");
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/** The provider's own timeout joined with the caller's cancellation, telling the two apart afterwards. */
export function withTimeout(signal: AbortSignal, timeoutMs: number) {
  const timeout = AbortSignal.timeout(timeoutMs);
  return { signal: AbortSignal.any([signal, timeout]), timedOut: () => timeout.aborted && !signal.aborted };
}
