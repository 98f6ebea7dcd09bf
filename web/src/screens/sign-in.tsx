import { type FormEvent, useState } from "react";
import { useSession } from "../auth/session.tsx";
import { ErrorMessage } from "./error-message.tsx";

export function SignInScreen() {
  const { config, signInAsDevUser } = useSession();
  const [uid, setUid] = useState("dev-user");
  const [email, setEmail] = useState("");
  const [operator, setOperator] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signInAsDevUser({
        uid: uid.trim(),
        ...(email.trim() ? { email: email.trim() } : {}),
        ...(operator ? { role: "operator" as const } : {}),
      });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="container narrow">
      <h1>Hireloop</h1>
      <p>
        Tailor an honest resume for every job, see how well it matches, and keep track of your applications.
      </p>
      {config.signIn.kind === "dev" ? (
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
            <input
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              autoComplete="email"
            />
          </label>
          <label>
            <input type="checkbox" checked={operator} onChange={(e) => setOperator(e.target.checked)} />{" "}
            Operator (opens the operator console)
          </label>
          {error !== null && <ErrorMessage error={error} />}
          <button type="submit" aria-busy={busy} disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </form>
      ) : (
        <p role="alert" className="error">
          Google sign-in is not available in this build yet.
        </p>
      )}
    </main>
  );
}
