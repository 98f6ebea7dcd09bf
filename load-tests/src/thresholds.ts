import { type EndpointGroup, endpointSlos } from "@hireloop/observability/slo";
import type { Options } from "k6/options";

type Thresholds = NonNullable<Options["thresholds"]>;

/**
 * The SLOs (packages/observability/src/slo.ts, the numbers docs/slo.md states) as k6 thresholds,
 * per endpoint group: p95 and p99 latency of answered requests, and the share of requests that
 * failed (5xx or no answer; a 4xx is the caller's mistake and is judged by the checks instead).
 * `selector` narrows every threshold to some requests, e.g. `cell_state:serving`, and
 * `failureSelector` (the selector by default) the failure-rate ones only; `sheddable`
 * names the groups whose failures are not judged, for a scenario that drives the platform past
 * its capacity on purpose (shed work is answered 503 overloaded, counted as overloaded_answers).
 */
export function sloThresholds(
  options: { selector?: string; failureSelector?: string; sheddable?: readonly EndpointGroup[] } = {},
): Thresholds {
  const selector = options.selector ?? "";
  const failureSelector = options.failureSelector ?? selector;
  const narrow = (tags: string, by = selector) => (by ? `${tags},${by}` : tags);
  const thresholds: Thresholds = {};
  for (const slo of endpointSlos) {
    thresholds[`http_req_duration{${narrow(`slo:${slo.group},expected_response:true`)}}`] = [
      `p(95)<${slo.latencyMs.p95}`,
      `p(99)<${slo.latencyMs.p99}`,
    ];
    if (options.sheddable?.includes(slo.group)) continue;
    thresholds[`http_req_failed{${narrow(`slo:${slo.group}`, failureSelector)}}`] = [
      `rate<${roundRate(1 - slo.availability)}`,
    ];
  }
  thresholds[selector ? `checks{${selector}}` : "checks"] = ["rate>0.99"];
  return thresholds;
}

/** 1 - 0.999 is 0.0010000000000000009 in floating point; thresholds read better rounded. */
function roundRate(rate: number): number {
  return Number(rate.toPrecision(6));
}
