import { apiErrorOf } from "../api/errors.ts";
import { REFRESH_MARGIN_MS, type SessionStore, type SignedInUser, singleFlight } from "./session-store.ts";

interface StoredSession extends SignedInUser {
  token: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

const STORAGE_KEY = "hireloop.session";

/**
 * The development user's session, outside React so that every API call, from whichever component,
 * reads the same token: the router mints it (POST /dev/token, dev mode only) and it is renewed
 * before it expires, so a long session never sends a stale one. Kept for the browser tab only.
 */
let current: StoredSession | null = readStored();
const listeners = new Set<() => void>();
const renew = singleFlight(async () => {
  if (!current) throw new Error("no one is signed in");
  const renewed = await requestDevToken(current);
  // Whoever signed out (or in as someone else) meanwhile stays as they chose.
  if (current?.uid === renewed.uid) store(renewed);
  return renewed;
});

export type DevSession = SessionStore & { signIn(user: SignedInUser): Promise<void> };

export const devSession: DevSession = {
  user(): SignedInUser | null {
    return current;
  },
  async signIn(user: SignedInUser) {
    store(await requestDevToken(user));
  },
  async signOut() {
    store(null);
  },
  async token(): Promise<string | undefined> {
    const session = current;
    if (!session) return undefined;
    if (session.expiresAt - Date.now() > REFRESH_MARGIN_MS) return session.token;
    return (await renew()).token;
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

function store(next: StoredSession | null) {
  if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  else sessionStorage.removeItem(STORAGE_KEY);
  current = next;
  for (const listener of listeners) listener();
}

async function requestDevToken({ uid, email, role }: SignedInUser): Promise<StoredSession> {
  const user: SignedInUser = { uid, ...(email ? { email } : {}), ...(role ? { role } : {}) };
  const response = await fetch("/dev/token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(user),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw await apiErrorOf(response);
  const { token, expiresIn } = (await response.json()) as { token: string; expiresIn: number };
  return { ...user, token, expiresAt: Date.now() + expiresIn * 1000 };
}

function readStored(): StoredSession | null {
  try {
    const stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null") as StoredSession | null;
    return stored && typeof stored.token === "string" && typeof stored.uid === "string" ? stored : null;
  } catch {
    return null;
  }
}
