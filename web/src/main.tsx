import "@picocss/pico/css/pico.min.css";
import "./styles.css";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter } from "react-router";
import { setTokenSource } from "./api/client.ts";
import { App } from "./app.tsx";
import type { WebConfig } from "./auth/config.ts";
import { devSession } from "./auth/dev-session.ts";
import { SessionProvider, type SignInMethod } from "./auth/session.tsx";

const queries = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
const root = createRoot(document.getElementById("root") as HTMLElement);

/** The router that served the app says which region it is and how people sign in there. */
async function start() {
  let config: WebConfig;
  let signIn: SignInMethod;
  try {
    const response = await fetch("/config.json", { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`the service answered ${response.status}`);
    config = (await response.json()) as WebConfig;
    signIn =
      config.signIn.kind === "dev"
        ? { kind: "dev", session: devSession }
        : {
            kind: "firebase",
            session: await (await import("./auth/firebase-session.ts")).firebaseSession(config.signIn),
          };
  } catch (error) {
    root.render(
      <main className="container">
        <h1>Hireloop is unavailable</h1>
        <p role="alert">
          The app could not load its settings ({String(error)}). Reload the page to try again.
        </p>
      </main>,
    );
    return;
  }
  setTokenSource(signIn.session.token);
  root.render(
    <StrictMode>
      <QueryClientProvider client={queries}>
        <SessionProvider config={config} signIn={signIn}>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </SessionProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
void start();
