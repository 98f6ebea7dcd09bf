import { FirebaseError, initializeApp } from "firebase/app";
import {
  connectAuthEmulator,
  GoogleAuthProvider,
  getAuth,
  onIdTokenChanged,
  signInWithCredential,
  signInWithPopup,
  signOut,
  type User,
} from "firebase/auth";
import { ApiError } from "../api/errors.ts";
import type { FirebaseSignIn } from "./config.ts";
import { REFRESH_MARGIN_MS, type SessionStore, type SignedInUser, singleFlight } from "./session-store.ts";

export type FirebaseSession = SessionStore & {
  /** Google's own account chooser, in a pop-up window. */
  signInWithGoogle(): Promise<void>;
  /**
   * Against a stand-in for Google's endpoints only (HL_FIREBASE_AUTH_EMULATOR_URL): the Google
   * account is stated rather than chosen, in the form the Firebase Auth emulator takes.
   */
  signInWithStatedGoogleAccount(account: { email: string; name?: string }): Promise<void>;
};

/**
 * Google sign-in through Firebase Authentication. Firebase keeps the session (in IndexedDB, across
 * tabs and reloads) and the refresh token; every call gets an ID token with at least
 * REFRESH_MARGIN_MS left, renewed first when it has less. Loaded only where the router says people
 * sign in this way, so dev builds and the first render never pay for the SDK.
 */
export async function firebaseSession(config: FirebaseSignIn): Promise<FirebaseSession> {
  const app = initializeApp({
    apiKey: config.apiKey,
    authDomain: config.authDomain,
    projectId: config.projectId,
  });
  const auth = getAuth(app);
  if (config.emulatorUrl) connectAuthEmulator(auth, config.emulatorUrl, { disableWarnings: true });

  let current: SignedInUser | null = null;
  const listeners = new Set<() => void>();
  const publish = (next: SignedInUser | null) => {
    current = next;
    for (const listener of listeners) listener();
  };
  // The role is a claim of the ID token, so the user is known once their token is read.
  onIdTokenChanged(auth, (user) => {
    if (!user) return publish(null);
    void signedInUserOf(user).then((signedIn) => {
      if (auth.currentUser?.uid === signedIn.uid) publish(signedIn);
    });
  });
  await auth.authStateReady();
  if (auth.currentUser) publish(await signedInUserOf(auth.currentUser));

  const renew = singleFlight(async () => {
    const user = auth.currentUser;
    return user ? user.getIdToken(true) : undefined;
  });

  return {
    user: () => current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async token() {
      const user = auth.currentUser;
      if (!user) return undefined;
      const result = await asApiError(user.getIdTokenResult());
      if (Date.parse(result.expirationTime) - Date.now() > REFRESH_MARGIN_MS) return result.token;
      return asApiError(renew());
    },
    async signInWithGoogle() {
      await asApiError(signInWithPopup(auth, new GoogleAuthProvider()));
    },
    async signInWithStatedGoogleAccount({ email, name }) {
      const statement = JSON.stringify({
        sub: email,
        email,
        email_verified: true,
        ...(name ? { name } : {}),
      });
      await asApiError(signInWithCredential(auth, GoogleAuthProvider.credential(statement)));
    },
    async signOut() {
      await signOut(auth);
    },
  };
}

async function signedInUserOf(user: User): Promise<SignedInUser> {
  const { claims } = await user.getIdTokenResult();
  return {
    uid: user.uid,
    ...(user.email ? { email: user.email } : {}),
    ...(claims.role === "operator" ? { role: "operator" as const } : {}),
  };
}

/** Firebase's failures carry codes such as `auth/popup-blocked`; the screens show them like the API's. */
async function asApiError<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof FirebaseError) throw new ApiError(0, error.code, error.message);
    throw error;
  }
}
