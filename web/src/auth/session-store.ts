/** Who is signed in, as the screens see them. */
export interface SignedInUser {
  uid: string;
  email?: string;
  /** The role claim of the token: "operator" opens the operator console. */
  role?: "operator";
}

/**
 * A way of being signed in (dev tokens locally, Google through Firebase elsewhere), outside React so
 * that every API call, from whichever component, reads the same token.
 */
export interface SessionStore {
  user(): SignedInUser | null;
  /** A token good for at least REFRESH_MARGIN_MS more, renewed first when it is not. */
  token(): Promise<string | undefined>;
  signOut(): Promise<void>;
  subscribe(listener: () => void): () => void;
}

/** A token this close to expiry is replaced before it is sent: a long upload never carries a stale one. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

/** One renewal at a time: calls that need a fresh token while one is on its way wait for it. */
export function singleFlight<T>(renew: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= renew().finally(() => {
      pending = undefined;
    });
    return pending;
  };
}
