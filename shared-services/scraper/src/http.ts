import Bottleneck from "bottleneck";
import { BoardFailure } from "./boards/types.ts";
import type { ScraperMetrics } from "./metrics.ts";

export interface HttpClientOptions {
  /** Each attempt's limit, on top of the caller's signal. */
  timeoutMs: number;
  /** Per host: requests in flight at once, and the least time between two request starts. */
  perHost: { maxConcurrent: number; minIntervalMs: number };
  /** Attempts per request when the host answers 429/503 or the connection fails (1 = no retry). */
  maxAttempts: number;
  /** Longest wait between attempts; a Retry-After beyond it gives up instead of waiting. */
  maxRetryDelayMs: number;
  /** First backoff when the host sends no Retry-After; doubles per attempt. */
  baseRetryDelayMs: number;
  /** Conditional-request cache size (URLs), oldest dropped first. */
  cacheEntries: number;
  /** A cached body younger than this is served without asking the host again (0 = always revalidate). */
  cacheFreshMs: number;
  maxBodyBytes: number;
  userAgent: string;
  metrics?: ScraperMetrics;
}

export interface JsonResponse {
  body: unknown;
  /** True when the host answered 304 (or the cache was fresh) and the cached body was used. */
  fromCache: boolean;
}

interface CacheEntry {
  etag?: string;
  lastModified?: string;
  text: string;
  storedAt: number;
}

/** Outcome of one attempt: a body, or a reason to retry or give up. */
type Attempt =
  | { kind: "done"; response: JsonResponse }
  | { kind: "retry"; status: number; retryAfterMs?: number; reason: string };

/**
 * GETs JSON from job boards politely: per-host limits, timeouts, bounded retries that honour
 * Retry-After, and ETag/Last-Modified revalidation. Failures come out as BoardFailure.
 */
export class HttpClient {
  private readonly limiters = new Map<string, Bottleneck>();
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly options: HttpClientOptions) {}

  async getJson(url: string, signal: AbortSignal): Promise<JsonResponse> {
    const cached = this.cache.get(url);
    if (cached && Date.now() - cached.storedAt < this.options.cacheFreshMs) {
      return { body: parseJson(cached.text, url), fromCache: true };
    }
    const host = new URL(url).host;
    let last: Extract<Attempt, { kind: "retry" }> | undefined;
    for (let attempt = 1; attempt <= this.options.maxAttempts; attempt++) {
      const outcome = await untilAborted(
        this.limiter(host).schedule(() => this.attempt(url, host, signal)),
        signal,
        url,
      );
      if (outcome.kind === "done") return outcome.response;
      last = outcome;
      if (attempt === this.options.maxAttempts) break;
      const delayMs = outcome.retryAfterMs ?? this.options.baseRetryDelayMs * 2 ** (attempt - 1);
      if (delayMs > this.options.maxRetryDelayMs) break;
      await sleep(delayMs, signal).catch((error: unknown) => {
        throw abortFailure(error, url);
      });
    }
    const reason = last?.reason ?? "no attempt made";
    throw new BoardFailure(last?.status === 429 ? "rate_limited" : "unavailable", reason);
  }

  /** Drops the per-host limiters' queues (at shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.limiters.values()].map((limiter) => limiter.stop({ dropWaitingJobs: true })));
  }

  private limiter(host: string): Bottleneck {
    let limiter = this.limiters.get(host);
    if (!limiter) {
      limiter = new Bottleneck({
        maxConcurrent: this.options.perHost.maxConcurrent,
        minTime: this.options.perHost.minIntervalMs,
      });
      this.limiters.set(host, limiter);
    }
    return limiter;
  }

  private async attempt(url: string, host: string, signal: AbortSignal): Promise<Attempt> {
    // A caller that gave up while queued behind the host's limit should not spend the host's quota.
    if (signal.aborted) throw abortFailure(signal.reason, url);
    const cached = this.cache.get(url);
    const headers: Record<string, string> = {
      accept: "application/json",
      "user-agent": this.options.userAgent,
    };
    if (cached?.etag) headers["if-none-match"] = cached.etag;
    if (cached?.lastModified) headers["if-modified-since"] = cached.lastModified;
    let response: Response;
    try {
      response = await fetch(url, {
        headers,
        signal: AbortSignal.any([signal, AbortSignal.timeout(this.options.timeoutMs)]),
      });
    } catch (error) {
      if (signal.aborted) throw abortFailure(signal.reason, url);
      const timedOut = error instanceof DOMException && error.name === "TimeoutError";
      this.options.metrics?.httpResponses.inc({ host, code: timedOut ? "timeout" : "network_error" });
      return {
        kind: "retry",
        status: 0,
        reason: timedOut
          ? `no answer within ${this.options.timeoutMs} ms`
          : `connection failed: ${describe(error)}`,
      };
    }
    this.options.metrics?.httpResponses.inc({ host, code: String(response.status) });
    if (response.status === 304 && cached) {
      await response.body?.cancel();
      cached.storedAt = Date.now();
      return { kind: "done", response: { body: parseJson(cached.text, url), fromCache: true } };
    }
    if (response.status === 429 || response.status === 503) {
      await response.body?.cancel();
      if (response.status === 429) this.options.metrics?.rateLimited.inc({ host });
      return {
        kind: "retry",
        status: response.status,
        retryAfterMs: parseRetryAfter(response.headers.get("retry-after")),
        reason: `${host} answered ${response.status} ${response.status === 429 ? "Too Many Requests" : "Service Unavailable"}`,
      };
    }
    if (response.status === 404 || response.status === 410) {
      await response.body?.cancel();
      throw new BoardFailure("not_found", `${url} answered ${response.status}`);
    }
    if (response.status >= 500) {
      await response.body?.cancel();
      return { kind: "retry", status: response.status, reason: `${host} answered ${response.status}` };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new BoardFailure("unavailable", `${url} answered ${response.status}`);
    }
    const text = await this.readText(response, url, signal);
    const body = parseJson(text, url);
    this.remember(url, response.headers, text);
    return { kind: "done", response: { body, fromCache: false } };
  }

  private async readText(response: Response, url: string, signal: AbortSignal): Promise<string> {
    const declared = Number(response.headers.get("content-length") ?? 0);
    if (declared > this.options.maxBodyBytes) {
      await response.body?.cancel();
      throw new BoardFailure(
        "malformed",
        `${url} sent ${declared} bytes, over the ${this.options.maxBodyBytes} limit`,
      );
    }
    try {
      const text = await response.text();
      if (Buffer.byteLength(text) > this.options.maxBodyBytes) {
        throw new BoardFailure("malformed", `${url} sent more than ${this.options.maxBodyBytes} bytes`);
      }
      return text;
    } catch (error) {
      if (error instanceof BoardFailure) throw error;
      if (signal.aborted) throw abortFailure(signal.reason, url);
      throw new BoardFailure("unavailable", `reading ${url} failed: ${describe(error)}`);
    }
  }

  private remember(url: string, headers: Headers, text: string) {
    const etag = headers.get("etag") ?? undefined;
    const lastModified = headers.get("last-modified") ?? undefined;
    if (!etag && !lastModified && this.options.cacheFreshMs === 0) return;
    this.cache.delete(url);
    this.cache.set(url, { etag, lastModified, text, storedAt: Date.now() });
    while (this.cache.size > this.options.cacheEntries) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
  }
}

function parseJson(text: string, url: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BoardFailure("malformed", `${url} did not send JSON`);
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** The caller's budget ran out (or it left): the board could not answer in time. */
function abortFailure(reason: unknown, url: string): BoardFailure {
  if (reason instanceof BoardFailure) return reason;
  const timedOut = reason instanceof DOMException && reason.name === "TimeoutError";
  return new BoardFailure(
    "unavailable",
    timedOut ? `${url} did not answer within the search's time budget` : `${url}: search cancelled`,
  );
}

/** Settles with the work, or rejects as soon as the signal aborts (work queued behind a host limit). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, url: string): Promise<T> {
  if (signal.aborted) {
    work.catch(() => {});
    return Promise.reject(abortFailure(signal.reason, url));
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      work.catch(() => {});
      reject(abortFailure(signal.reason, url));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
