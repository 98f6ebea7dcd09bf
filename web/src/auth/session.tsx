import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useMemo, useSyncExternalStore } from "react";
import type { WebConfig } from "./config.ts";
import type { DevSession } from "./dev-session.ts";
import type { FirebaseSession } from "./firebase-session.ts";
import type { SignedInUser } from "./session-store.ts";

/** How people sign in where this app was served: one of the two, never both. */
export type SignInMethod =
  | { kind: "dev"; session: DevSession }
  | { kind: "firebase"; session: FirebaseSession };

interface Session {
  config: WebConfig;
  user: SignedInUser | null;
  signIn: SignInMethod;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in, for the screens; the API client reads the same session's token. */
export function SessionProvider({
  config,
  signIn,
  children,
}: {
  config: WebConfig;
  signIn: SignInMethod;
  children: ReactNode;
}) {
  const queries = useQueryClient();
  const user = useSyncExternalStore(signIn.session.subscribe, signIn.session.user);
  const value = useMemo<Session>(
    () => ({
      config,
      user,
      signIn,
      async signOut() {
        await signIn.session.signOut();
        // Nothing the last user saw may be shown to the next one.
        queries.clear();
      },
    }),
    [config, user, signIn, queries],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}
