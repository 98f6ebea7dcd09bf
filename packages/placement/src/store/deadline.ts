import { PlacementError } from "../errors.ts";

/** Postgres "query_canceled": a statement_timeout or a cancel request ended the statement. */
const QUERY_CANCELED = "57014";

/**
 * Rejects with `store_timeout` once `ms` pass, calling `onExpire` first (a query's cancel) so the
 * server stops working too. Racing on the client also covers a connection that never answers.
 */
export async function withDeadline<T>(
  work: PromiseLike<T>,
  ms: number,
  what: string,
  onExpire?: () => void,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onExpire?.();
      reject(new PlacementError("store_timeout", `${what} took longer than ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, expired]);
  } catch (error) {
    if (isPostgresError(error, QUERY_CANCELED)) {
      throw new PlacementError("store_timeout", `${what} was cancelled after ${ms} ms`, { cause: error });
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

export function isPostgresError(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === code;
}
