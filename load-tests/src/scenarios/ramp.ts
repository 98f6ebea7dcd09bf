import type { Options } from "k6/options";
import { userJourney } from "../journey.ts";
import { numberFromEnv, targetRate, vusFor } from "../load-shape.ts";
import { sloThresholds } from "../thresholds.ts";
import { currentSession, journeyKey } from "../users.ts";

const rate = targetRate();

/** Arrivals grow from none to RATE journeys/s over RAMP_MINUTES, then hold for HOLD_MINUTES. */
export const options: Options = {
  scenarios: {
    ramp: {
      executor: "ramping-arrival-rate",
      startRate: 0,
      timeUnit: "1s",
      ...vusFor(rate),
      stages: [
        { target: rate, duration: `${numberFromEnv("RAMP_MINUTES", 5)}m` },
        { target: rate, duration: `${numberFromEnv("HOLD_MINUTES", 5)}m` },
      ],
    },
  },
  thresholds: { ...sloThresholds(), journeys_completed: ["rate>0.99"] },
};

export default function ramp() {
  userJourney(currentSession(), journeyKey());
}
