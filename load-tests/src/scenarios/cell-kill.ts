import { check } from "k6";
import exec from "k6/execution";
import { Rate } from "k6/metrics";
import type { Options } from "k6/options";
import { bodyOf, call } from "../api.ts";
import { userJourney } from "../journey.ts";
import { numberFromEnv, targetRate, vusFor } from "../load-shape.ts";
import { sloThresholds } from "../thresholds.ts";
import { allUsers, currentSession, journeyKey, targetUrl } from "../users.ts";

const rate = targetRate();
/** The cell the operator stops during the run (make load-test stops and restarts it on a local platform). */
const stoppedCell = __ENV.STOPPED_CELL ?? "";

/** Answers to the stopped cell's users that are 200 (cell up) or a clear 503 cell_unavailable with Retry-After. */
export const clearAnswers = new Rate("stopped_cell_clear_answers");

/**
 * Arrivals ramp to RATE and hold while one cell (STOPPED_CELL) is stopped and started again. Its
 * users get 503 cell_unavailable with Retry-After while it is down, never an unclear error or a
 * hang; every other user stays inside the SLOs.
 */
export const options: Options = {
  scenarios: {
    cellKill: {
      executor: "ramping-arrival-rate",
      startRate: 0,
      timeUnit: "1s",
      ...vusFor(rate),
      stages: [
        { target: rate, duration: `${numberFromEnv("RAMP_MINUTES", 2)}m` },
        { target: rate, duration: `${numberFromEnv("HOLD_MINUTES", 6)}m` },
      ],
    },
  },
  thresholds: {
    ...sloThresholds({ selector: "cell_state:serving" }),
    "journeys_completed{cell_state:serving}": ["rate>0.99"],
    "cell_unavailable_answers{cell_state:serving}": ["count==0"],
    stopped_cell_clear_answers: ["rate==1"],
  },
};

/** Which cell each user lives on, asked before the run (GET /v1/me names the caller's cell). */
export function setup(): { cells: Record<string, string> } {
  if (!stoppedCell) throw new Error("STOPPED_CELL is not set: the id of the cell stopped during the run");
  const target = targetUrl();
  const cells: Record<string, string> = {};
  for (const user of allUsers()) {
    const answer = call({ target, ...user }, "GET", "/v1/me");
    const cell = bodyOf<{ cell?: string }>(answer)?.cell;
    if (answer.status !== 200 || !cell)
      throw new Error(`GET /v1/me for ${user.uid} answered ${answer.status}`);
    cells[user.uid] = cell;
  }
  return { cells };
}

export default function cellKill(data: { cells: Record<string, string> }) {
  const session = currentSession();
  const onStoppedCell = data.cells[session.uid] === stoppedCell;
  exec.vu.tags.cell_state = onStoppedCell ? "stopped" : "serving";
  if (!onStoppedCell) {
    userJourney(session, journeyKey());
    return;
  }
  const answer = call(session, "GET", "/v1/me");
  const clear =
    answer.status === 200 ||
    (answer.status === 503 &&
      bodyOf<{ code?: string }>(answer)?.code === "cell_unavailable" &&
      Number(answer.headers["Retry-After"]) > 0);
  clearAnswers.add(clear ? 1 : 0);
  check(answer, { "the stopped cell's users get 200 or a clear 503": () => clear });
}
