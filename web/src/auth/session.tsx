import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useMemo, useSyncExternalStore } from "react";
import { devSession, type SignedInUser } from "./dev-session.ts";

export interface WebConfig {
  region: string;
  regions: string[];
  signIn: { kind: "dev" } | { kind: "firebase"; projectId: string };
}

interface Session {
  config: WebConfig;
  user: SignedInUser | null;
  signInAsDevUser(user: SignedInUser): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in, for the screens; the API client reads the same session's token. */
export function SessionProvider({ config, children }: { config: WebConfig; children: ReactNode }) {
  const queries = useQueryClient();
  const user = useSyncExternalStore(devSession.subscribe, devSession.user);
  const value = useMemo<Session>(
    () => ({
      config,
      user: config.signIn.kind === "dev" ? user : null,
      signInAsDevUser: devSession.signIn,
      signOut() {
        devSession.signOut();
        // Nothing the last user saw may be shown to the next one.
        queries.clear();
      },
    }),
    [config, user, queries],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}
