import type { Options } from "k6/options";
import { userJourney } from "../journey.ts";
import { sloThresholds } from "../thresholds.ts";
import { currentSession, journeyKey } from "../users.ts";

/** One user, one whole journey: does every step work against TARGET at all? */
export const options: Options = {
  scenarios: { smoke: { executor: "shared-iterations", vus: 1, iterations: 1, maxDuration: "5m" } },
  thresholds: { ...sloThresholds(), journeys_completed: ["rate==1"] },
};

export default function smoke() {
  userJourney(currentSession(), journeyKey());
}
