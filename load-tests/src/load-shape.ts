/** A positive number from `-e NAME=…`, or `fallback` when it is not given. */
export function numberFromEnv(name: string, fallback: number): number {
  const raw = __ENV[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, not "${raw}"`);
  return value;
}

/** Journeys started per second at full load (RATE); each takes tens of seconds, mostly waiting on workflows. */
export const targetRate = () => numberFromEnv("RATE", 1);

/**
 * VUs to hold ready for an arrival rate: a journey takes about JOURNEY_SECONDS, so rate × that
 * journeys are in progress at once; twice that leaves room for slow answers. Each VU is one user,
 * so the tokens file needs at least `maxVUs` users.
 */
export function vusFor(rate: number): { preAllocatedVUs: number; maxVUs: number } {
  const inProgress = Math.ceil(rate * numberFromEnv("JOURNEY_SECONDS", 20));
  return { preAllocatedVUs: inProgress, maxVUs: inProgress * 2 };
}
