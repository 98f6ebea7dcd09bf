import type { Options } from "k6/options";
import { userJourney } from "../journey.ts";
import { targetRate, vusFor } from "../load-shape.ts";
import { sloThresholds } from "../thresholds.ts";
import { currentSession, journeyKey } from "../users.ts";

const rate = targetRate();

/**
 * RATE journeys/s, then ten times that for a minute, then RATE again. Work the platform cannot
 * take is refused at once (503 overloaded with Retry-After), not queued without bound, so the
 * SLOs of answered requests hold; journeys refused that way do not complete, hence the lower bar,
 * and the failures of workflow starts (the work shed) are not judged.
 */
export const options: Options = {
  scenarios: {
    spike: {
      executor: "ramping-arrival-rate",
      startRate: rate,
      timeUnit: "1s",
      ...vusFor(rate * 10),
      stages: [
        { target: rate, duration: "2m" },
        { target: rate * 10, duration: "10s" },
        { target: rate * 10, duration: "1m" },
        { target: rate, duration: "10s" },
        { target: rate, duration: "2m" },
      ],
    },
  },
  thresholds: { ...sloThresholds({ sheddable: ["workflow_starts"] }), journeys_completed: ["rate>0.5"] },
};

export default function spike() {
  userJourney(currentSession(), journeyKey());
}
