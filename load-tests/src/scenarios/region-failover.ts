import exec from "k6/execution";
import type { Options } from "k6/options";
import { userJourney } from "../journey.ts";
import { numberFromEnv, targetRate, vusFor } from "../load-shape.ts";
import { sloThresholds } from "../thresholds.ts";
import { currentSession, journeyKey, type Session, targetUrl } from "../users.ts";

const rate = targetRate();

/**
 * Journeys enter by TARGET (one region's router) at RATE/s while the operator stops that router.
 * A user whose request gets no answer there moves to FAILOVER_TARGET (another region's router) for
 * the rest of the run, as GeoDNS would, and their journey goes on through it (the router there
 * forwards them to their home region). Every answer stays inside the latency SLOs; failures are
 * judged on the failover entry, since requests that found the stopped router fail by design.
 */
export const options: Options = {
  scenarios: {
    regionFailover: {
      executor: "constant-arrival-rate",
      rate,
      timeUnit: "1s",
      duration: `${numberFromEnv("HOLD_MINUTES", 6)}m`,
      ...vusFor(rate),
    },
  },
  thresholds: {
    ...sloThresholds({ failureSelector: "entry:failover" }),
    "journeys_completed{entry:failover}": ["rate>0.99"],
  },
};

/** This VU's user, kept across iterations so a move to the failover entry sticks. */
let session: Session | undefined;

export default function regionFailover() {
  if (!session) {
    session = { ...currentSession(), failoverTarget: targetUrl("FAILOVER_TARGET") };
    exec.vu.tags.entry = "primary";
  }
  userJourney(session, journeyKey());
}
