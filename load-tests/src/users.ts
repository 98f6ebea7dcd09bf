import { SharedArray } from "k6/data";
import exec from "k6/execution";

/** A signed-in user of the platform under test: one per journey, reused round-robin. */
export interface Session {
  target: string;
  uid: string;
  token: string;
  /**
   * Where to go when `target` stops answering at all (no HTTP answer), as GeoDNS sends users to
   * the next healthy region: the session then stays there.
   */
  failoverTarget?: string;
}

export interface IssuedToken {
  uid: string;
  token: string;
}

/** Where the platform under test answers (its router), e.g. http://127.0.0.1:8080. */
export function targetUrl(name = "TARGET"): string {
  const target = __ENV[name];
  if (!target)
    throw new Error(`${name} is not set: pass -e ${name}=http://host:port (make load-test sets it)`);
  return target.replace(/\/+$/, "");
}

/**
 * The users' ID tokens, read once in the init context from the JSON file named by TOKENS_FILE
 * ([{ uid, token }], as `npx hireloop token --uid load --count N` prints for a dev platform).
 */
const tokens = new SharedArray<IssuedToken>("tokens", () => {
  const path = __ENV.TOKENS_FILE;
  if (!path)
    throw new Error("TOKENS_FILE is not set: a JSON file of [{ uid, token }] (make load-test writes one)");
  const parsed: unknown = JSON.parse(open(path));
  if (!Array.isArray(parsed) || parsed.length === 0) throw new Error(`${path} holds no tokens`);
  return parsed as IssuedToken[];
});

/**
 * This VU's user. A VU runs one iteration at a time, so with at least as many tokens as VUs no user
 * ever has two journeys in progress (the cell limits heavy work in progress per user).
 */
export function currentSession(target = targetUrl()): Session {
  const issued = tokens[(exec.vu.idInTest - 1) % tokens.length] as IssuedToken;
  return { target, uid: issued.uid, token: issued.token };
}

/** Every user's token, for setup() functions that visit all of them. */
export function allUsers(): IssuedToken[] {
  return Array.from({ length: tokens.length }, (_, index) => tokens[index] as IssuedToken);
}

const runStartedAt = Date.now();

/** Unique to this iteration of this run: the journey's idempotency keys derive from it. */
export function journeyKey(): string {
  return `${exec.scenario.name}-${runStartedAt}-${exec.vu.idInTest}-${exec.vu.iterationInScenario}`;
}
