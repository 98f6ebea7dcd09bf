/**
 * What a database failure means for the caller. The cell's Postgres being unreachable, restarting
 * or out of connections is an outage (503 with Retry-After: try again), not a bug (500).
 */

/** postgres.js's own codes for a connection it lost or never made, and the socket's. */
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);

/**
 * SQLSTATEs of a server that cannot serve now: class 08 (connection exception), 53300 (too many
 * connections), 57P01–57P03 (shutting down, crashed, starting up).
 */
function isUnavailableState(state: string): boolean {
  return state.startsWith("08") || ["53300", "57P01", "57P02", "57P03"].includes(state);
}

const DEADLOCK = "40P01";

/** The codes along an error's cause chain (drizzle wraps the driver's error). */
function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    current = current.cause;
  }
  return codes;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return codesOf(error).some((code) => CONNECTION_CODES.has(code) || isUnavailableState(code));
}

export function isDeadlock(error: unknown): boolean {
  return codesOf(error).includes(DEADLOCK);
}

/**
 * Runs a transaction once more when Postgres broke a deadlock by aborting it: the other side has
 * committed or rolled back by then. For transactions whose lock order cannot be made the same as
 * every other writer's.
 */
export async function retryingDeadlock<T>(transaction: () => Promise<T>): Promise<T> {
  try {
    return await transaction();
  } catch (error) {
    if (!isDeadlock(error)) throw error;
    return transaction();
  }
}
