import { type FormEvent, useState } from "react";
import type { DevSession } from "../auth/dev-session.ts";
import type { FirebaseSession } from "../auth/firebase-session.ts";
import { useSession } from "../auth/session.tsx";
import { ErrorMessage } from "./error-message.tsx";

export function SignInScreen() {
  const { signIn } = useSession();
  return (
    <main className="container narrow">
      <h1>Hireloop</h1>
      <p>
        Tailor an honest resume for every job, see how well it matches, and keep track of your applications.
      </p>
      {signIn.kind === "dev" ? (
        <DevSignIn session={signIn.session} />
      ) : (
        <GoogleSignIn session={signIn.session} />
      )}
    </main>
  );
}

/** Runs one sign-in attempt at a time, keeping its failure to show. */
function useAttempt() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function attempt(signIn: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await signIn();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, attempt };
}

function DevSignIn({ session }: { session: DevSession }) {
  const [uid, setUid] = useState("dev-user");
  const [email, setEmail] = useState("");
  const [operator, setOperator] = useState(false);
  const { busy, error, attempt } = useAttempt();

  function submit(event: FormEvent) {
    event.preventDefault();
    void attempt(() =>
      session.signIn({
        uid: uid.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(operator ? { role: "operator" as const } : {}),
      }),
    );
  }

  return (
    <form onSubmit={submit} aria-labelledby="dev-sign-in">
      <h2 id="dev-sign-in">Sign in as a development user</h2>
      <p>
        <small>This platform runs in development mode: any user id signs in, with no password.</small>
      </p>
      <label>
        User id
        <input
          value={uid}
          onChange={(e) => setUid(e.target.value)}
          required
          maxLength={128}
          autoComplete="username"
        />
      </label>
      <label>
        Email (optional)
        <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
      </label>
      <label>
        <input type="checkbox" checked={operator} onChange={(e) => setOperator(e.target.checked)} /> Operator
        (opens the operator console)
      </label>
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" aria-busy={busy} disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

/**
 * Google's account chooser in a pop-up. Against a stand-in for Google's endpoints (a local platform
 * or a test) there is no Google to choose from, so the account is stated in a form instead.
 */
function GoogleSignIn({ session }: { session: FirebaseSession }) {
  const { config } = useSession();
  const standIn = config.signIn.kind === "firebase" && config.signIn.emulatorUrl !== undefined;
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const { busy, error, attempt } = useAttempt();

  function submit(event: FormEvent) {
    event.preventDefault();
    void attempt(() =>
      standIn
        ? session.signInWithStatedGoogleAccount({
            email: email.trim(),
            ...(name.trim() ? { name: name.trim() } : {}),
          })
        : session.signInWithGoogle(),
    );
  }

  return (
    <form onSubmit={submit} aria-labelledby="google-sign-in">
      <h2 id="google-sign-in">Sign in with Google</h2>
      {standIn ? (
        <>
          <p>
            <small>
              This platform signs in through a local stand-in for Google: state the Google account to sign in
              as.
            </small>
          </p>
          <label>
            Google account email
            <input
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              autoComplete="email"
            />
          </label>
          <label>
            Name (optional)
            <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          </label>
        </>
      ) : (
        <p>
          <small>Google opens a window to choose your account; Hireloop never sees your password.</small>
        </p>
      )}
      {error !== null && <ErrorMessage error={error} />}
      <button type="submit" aria-busy={busy} disabled={busy}>
        {busy ? "Signing in…" : "Continue with Google"}
      </button>
    </form>
  );
}
