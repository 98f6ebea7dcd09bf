import { type BenchRequest, headersFor, type LoadSample } from "@hireloop/testkit/load";
import { Pool } from "undici";

/** A prepared request with the origin it goes to, so one run can spread over several servers. */
export interface AddressedRequest extends BenchRequest {
  origin: string;
}

export interface RateOptions {
  /** Requests per second, sent on a fixed schedule whatever the answers do. */
  rate: number;
  seconds: number;
  expectStatus: number;
}

export interface RateSample extends LoadSample {
  /** Milliseconds each request left later than its slot: the load generator's own delay. */
  lagP99: number;
}

/** More than the rate times any latency seen here, so a request never waits for a free connection. */
const CONNECTIONS_PER_ORIGIN = 64;
const REQUEST_TIMEOUT_MS = 10_000;
/** How often the scheduler wakes to send what has come due. */
const TICK_MS = 1;

/**
 * Open-loop load: request i is sent at start + i / rate, however long earlier answers take, so a
 * slow target cannot slow the load down (autocannon's rate limit is a per-connection quota per
 * second, sent back to back at each second's start: bursts, not a steady rate). Below saturation
 * this measures what a hop adds, not how deep a queue grows. Latency is send → last body byte.
 * Keep-alive connections stay open from one run to the next (the warm-up opens them).
 */
export class OpenLoopDriver {
  readonly #pools = new Map<string, Pool>();

  async run(requests: readonly AddressedRequest[], options: RateOptions): Promise<RateSample> {
    const total = Math.round(options.rate * options.seconds);
    const intervalMs = 1000 / options.rate;
    const latencies: number[] = [];
    const lags: number[] = [];
    const unexpected = new Map<number, number>();
    let failures = 0;
    const inFlight: Promise<void>[] = [];

    const send = async (request: AddressedRequest) => {
      const sent = performance.now();
      try {
        const { statusCode, body } = await this.#poolFor(request.origin).request({
          method: request.method ?? "GET",
          path: request.path,
          headers: headersFor(request),
          body: request.body ?? null,
        });
        await body.dump();
        if (statusCode === options.expectStatus) latencies.push(performance.now() - sent);
        else unexpected.set(statusCode, (unexpected.get(statusCode) ?? 0) + 1);
      } catch {
        failures += 1;
      }
    };

    const started = performance.now();
    await new Promise<void>((resolve) => {
      let next = 0;
      const timer = setInterval(() => {
        const now = performance.now();
        const due = Math.min(total, Math.floor((now - started) / intervalMs) + 1);
        for (; next < due; next++) {
          const request = requests[next % requests.length];
          if (!request) continue;
          lags.push(now - (started + next * intervalMs));
          inFlight.push(send(request));
        }
        if (next >= total) {
          clearInterval(timer);
          resolve();
        }
      }, TICK_MS);
    });
    await Promise.all(inFlight);
    const elapsedSeconds = (performance.now() - started) / 1000;
    lags.sort((a, b) => a - b);
    return {
      latencies,
      elapsedSeconds,
      unexpected,
      failures,
      lagP99: lags[Math.min(lags.length - 1, Math.floor(0.99 * lags.length))] ?? Number.NaN,
    };
  }

  async close() {
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.close()));
  }

  #poolFor(origin: string): Pool {
    let pool = this.#pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: CONNECTIONS_PER_ORIGIN,
        headersTimeout: REQUEST_TIMEOUT_MS,
        bodyTimeout: REQUEST_TIMEOUT_MS,
      });
      this.#pools.set(origin, pool);
    }
    return pool;
  }
}
