import { signRouterCredential } from "@hireloop/identity";
import autocannon from "autocannon";
import { percentile } from "./measure.ts";

/** One prepared request: autocannon builds its bytes once and cycles through the list per connection. */
export interface BenchRequest {
  /** GET unless stated. */
  method?: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** Sent straight to a cell: each send carries a fresh router credential, as the router makes it. */
  signedFor?: { cellKey: Buffer; tenant: string };
}

/** The request's headers for one send: its own, and a router credential when it goes to a cell. */
export function headersFor(request: BenchRequest): Record<string, string> {
  if (!request.signedFor) return request.headers;
  const { cellKey, tenant } = request.signedFor;
  return {
    ...request.headers,
    ...signRouterCredential(cellKey, { method: request.method ?? "GET", path: request.path, tenant }),
  };
}

export interface LoadOptions {
  connections: number;
  seconds: number;
  /** The status every request should get; anything else counts as an error. */
  expectStatus: number;
}

/** One autocannon run, raw. */
export interface LoadSample {
  /** Milliseconds, one per response with the expected status. */
  latencies: number[];
  elapsedSeconds: number;
  /** Status → count of responses with another status. */
  unexpected: Map<number, number>;
  /** Connection errors and timeouts. */
  failures: number;
}

export interface LoadResult {
  /** Responses with the expected status; rps and the percentiles describe these. */
  responses: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses with another status, plus connection errors and timeouts. */
  errors: number;
  unexpected: Map<number, number>;
}

/** Per-request time limit; on loopback anything near it is a failure, not a latency. */
const REQUEST_TIMEOUT_SECONDS = 10;

/**
 * Drives `baseUrl` with autocannon: `connections` keep-alive connections, each sending its next request
 * as soon as the previous answer arrives, for `seconds`. Latencies are taken from every response's
 * own timing (autocannon's histogram rounds to whole milliseconds, too coarse for a 2 ms target).
 */
export function drive(baseUrl: string, requests: readonly BenchRequest[], options: LoadOptions) {
  return new Promise<LoadSample>((resolve, reject) => {
    const latencies: number[] = [];
    const unexpected = new Map<number, number>();
    const started = performance.now();
    const instance = autocannon(
      {
        url: baseUrl,
        connections: options.connections,
        duration: options.seconds,
        timeout: REQUEST_TIMEOUT_SECONDS,
        requests: requests.map((request) => ({
          method: request.method ?? "GET",
          path: request.path,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body }),
          // A signed request is made anew for every send: a credential is good for one request.
          ...(request.signedFor
            ? { setupRequest: (built: object) => ({ ...built, headers: headersFor(request) }) }
            : {}),
        })),
      },
      (error, result) => {
        if (error) return reject(error);
        const elapsedSeconds = (performance.now() - started) / 1000;
        resolve({ latencies, elapsedSeconds, unexpected, failures: result.errors + result.timeouts });
      },
    );
    instance.on("response", (_client, statusCode, _bytes, milliseconds) => {
      // Only the expected answers count: a fast refusal (429, 503) must not pass for throughput.
      if (statusCode === options.expectStatus) latencies.push(milliseconds);
      else unexpected.set(statusCode, (unexpected.get(statusCode) ?? 0) + 1);
    });
  });
}

/** Several runs of one target as one: total responses over total time, percentiles over all latencies. */
export function combine(samples: readonly LoadSample[]): LoadResult {
  const latencies = samples.flatMap((sample) => sample.latencies).sort((a, b) => a - b);
  const seconds = samples.reduce((sum, sample) => sum + sample.elapsedSeconds, 0);
  const unexpected = new Map<number, number>();
  let errors = 0;
  for (const sample of samples) {
    errors += sample.failures;
    for (const [status, count] of sample.unexpected) {
      unexpected.set(status, (unexpected.get(status) ?? 0) + count);
      errors += count;
    }
  }
  return {
    responses: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors,
    unexpected,
  };
}

/**
 * Two sets of requests to one server, as `compareThroughput` measures two functions: each side
 * warmed up first (a process just started is still compiling its code, and its consumers are still
 * joining their groups), then measured in alternating rounds, so neither side runs alone on a
 * machine the other has just warmed or loaded.
 */
export async function compareLoad(
  baseUrl: string,
  sides: { ours: readonly BenchRequest[]; peer: readonly BenchRequest[] },
  { connections, rounds = 3, seconds = 4, warmUpSeconds = 3, expectStatus = 200 }: CompareOptions,
): Promise<{ ours: LoadResult; peer: LoadResult }> {
  const run = (requests: readonly BenchRequest[], duration: number) =>
    drive(baseUrl, requests, { connections, seconds: duration, expectStatus });
  await run(sides.ours, warmUpSeconds);
  await run(sides.peer, warmUpSeconds);
  const samples = { ours: [] as LoadSample[], peer: [] as LoadSample[] };
  for (let round = 0; round < rounds; round++) {
    samples.ours.push(await run(sides.ours, seconds));
    samples.peer.push(await run(sides.peer, seconds));
  }
  return { ours: combine(samples.ours), peer: combine(samples.peer) };
}

export interface CompareOptions {
  connections: number;
  /** Measured rounds of each side. Default 3. */
  rounds?: number;
  /** Seconds per round. Default 4. */
  seconds?: number;
  /** Seconds of each side before the first round, not counted. Default 3. */
  warmUpSeconds?: number;
  /** Default 200. */
  expectStatus?: number;
}
