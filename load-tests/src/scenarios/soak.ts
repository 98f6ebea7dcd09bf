import type { Options } from "k6/options";
import { userJourney } from "../journey.ts";
import { numberFromEnv, targetRate, vusFor } from "../load-shape.ts";
import { sloThresholds } from "../thresholds.ts";
import { currentSession, journeyKey } from "../users.ts";

const rate = targetRate();

/** RATE journeys/s, steady for SOAK_MINUTES (an hour by default): leaks, growth and drift show here. */
export const options: Options = {
  scenarios: {
    soak: {
      executor: "constant-arrival-rate",
      rate,
      timeUnit: "1s",
      duration: `${numberFromEnv("SOAK_MINUTES", 60)}m`,
      ...vusFor(rate),
    },
  },
  thresholds: { ...sloThresholds(), journeys_completed: ["rate>0.99"] },
};

export default function soak() {
  userJourney(currentSession(), journeyKey());
}
