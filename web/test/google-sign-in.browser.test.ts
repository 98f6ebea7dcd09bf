import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDevKeys } from "@hireloop/identity";
import { type RoutedRegion, startRoutedRegion } from "@hireloop/testkit/routed-region";
import { PROJECT_ID } from "@hireloop/testkit/tokens";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launchBrowser, openPage, screenshot } from "./support/browser.ts";
import { googleError, type IdentityToolkit, startIdentityToolkit } from "./support/identity-toolkit.ts";

const WEB_DIR = join(import.meta.dirname, "..", "dist");
const API_KEY = "AIzaSy-hireloop-test-web-key";
/** Shorter than the app's renewal margin: the first call after sign-in must renew the token. */
const SIGN_IN_TOKEN_SECONDS = 120;

let routed: RoutedRegion;
let google: IdentityToolkit;
let router: RoutedRegion["router"];
let browser: Browser;

beforeAll(async () => {
  const keysDir = await mkdtemp(join(tmpdir(), "hl-web-keys-"));
  const keys = await generateDevKeys(keysDir);
  google = await startIdentityToolkit({
    apiKey: API_KEY,
    projectId: PROJECT_ID,
    privateKeyPath: keys.privateKeyPath,
    signInTokenSeconds: SIGN_IN_TOKEN_SECONDS,
  });
  routed = await startRoutedRegion(1, {
    region: { keysDir },
    routerEnv: {
      HL_WEB_DIR: WEB_DIR,
      HL_FIREBASE_API_KEY: API_KEY,
      HL_FIREBASE_AUTH_EMULATOR_URL: google.url,
    },
  });
  router = routed.router;
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await routed?.stop();
  await google?.close();
});

/** The bearer tokens the page sent to the API, in order. */
function bearerTokens(page: Page): string[] {
  const sent: string[] = [];
  page.on("request", (request) => {
    const authorization = request.headers().authorization;
    if (new URL(request.url()).pathname.startsWith("/v1/") && authorization) {
      sent.push(authorization.replace(/^Bearer /, ""));
    }
  });
  return sent;
}

async function signInWithGoogle(page: Page, email: string) {
  await page.goto(router.url);
  await page.getByRole("heading", { name: "Sign in with Google" }).waitFor();
  await page.getByLabel("Google account email").fill(email);
  await page.getByRole("button", { name: "Continue with Google" }).click();
}

describe("Google sign-in through Firebase (the SDK against a stand-in for Google's endpoints)", () => {
  it("signs in, renews the short-lived ID token before sending it, and stays signed in across a reload", async () => {
    const { page, consoleErrors, close } = await openPage(browser);
    const sent = bearerTokens(page);
    await page.goto(router.url);
    await page.getByRole("heading", { name: "Sign in with Google" }).waitFor();
    await expectAccessible(page);
    await screenshot(page, "sign-in-google");

    await signInWithGoogle(page, "ana.google@example.com");
    await page.getByRole("heading", { name: "Resumes", level: 1 }).waitFor();
    await expect.poll(() => page.getByText("No resumes yet").isVisible()).toBe(true);
    expect(await page.getByText("Signed in as ana.google@example.com").isVisible()).toBe(true);
    expect(google.calls.map((call) => call.endpoint)).toContain("accounts:signInWithIdp");
    // The token from sign-in had 120 s left: the API only ever saw its renewal.
    expect(google.calls).toContainEqual({ endpoint: "token", grantType: "refresh_token" });
    const signInToken = google.issued[0];
    expect(sent.length).toBeGreaterThan(0);
    expect(sent).not.toContain(signInToken);
    expect(google.issued).toEqual(expect.arrayContaining(sent));

    await page.reload();
    await page.getByRole("heading", { name: "Resumes", level: 1 }).waitFor();
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.getByRole("heading", { name: "Sign in with Google" }).waitFor();
    await page.reload();
    await page.getByRole("heading", { name: "Sign in with Google" }).waitFor();
    expect(consoleErrors).toEqual([]);
    await close();
  });

  it("opens the operator console to an account whose token carries the operator claim", async () => {
    google.setRole("oli.operator@example.com", "operator");
    const { page, close } = await openPage(browser);
    await signInWithGoogle(page, "oli.operator@example.com");
    await page.getByRole("link", { name: "Operations" }).click();
    await expect.poll(() => page.getByText("us-east-1").first().isVisible()).toBe(true);
    await close();
  });

  it.each([
    [
      "too many attempts",
      { status: 429, body: JSON.stringify(googleError(429, "TOO_MANY_ATTEMPTS_TRY_LATER")) },
      /Too many sign-in attempts/,
      "auth/too-many-requests",
    ],
    [
      "a disabled account",
      { status: 400, body: JSON.stringify(googleError(400, "USER_DISABLED")) },
      /This account has been disabled/,
      "auth/user-disabled",
    ],
    [
      "an outage page instead of an answer",
      { status: 503, body: "<html><body>Service Unavailable</body></html>", contentType: "text/html" },
      /Google sign-in could not be reached/,
      "auth/network-request-failed",
    ],
    [
      "a malformed answer",
      { status: 200, body: '{"idToken": ', contentType: "application/json" },
      /Google sign-in could not be reached/,
      "auth/network-request-failed",
    ],
  ])(
    "says what happened when Google answers with %s, and signs in on the next try",
    async (label, refusal, sentence, code) => {
      const { page, consoleErrors, close } = await openPage(browser);
      google.refuseNext("accounts:signInWithIdp", refusal);
      await signInWithGoogle(page, `refused-${label.replaceAll(" ", "-")}@example.com`);
      const alert = page.getByRole("alert");
      await alert.waitFor();
      const said = (await alert.textContent()) ?? "";
      expect(said).toMatch(sentence);
      expect(said).toContain(code);
      if (code === "auth/too-many-requests") await screenshot(page, "sign-in-google-refused");
      await page.getByRole("button", { name: "Continue with Google" }).click();
      await page.getByRole("heading", { name: "Resumes", level: 1 }).waitFor();
      expect(consoleErrors.filter((error) => !/Failed to load resource/.test(error))).toEqual([]);
      await close();
    },
  );

  it("ends the session when Google refuses to renew its token", async () => {
    const { page, close } = await openPage(browser);
    google.refuseNext("token", { status: 400, body: JSON.stringify(googleError(400, "USER_DISABLED")) });
    await signInWithGoogle(page, "revoked@example.com");
    await expect.poll(() => google.calls.some((call) => call.endpoint === "token")).toBe(true);
    await page.getByRole("heading", { name: "Sign in with Google" }).waitFor();
    await expect.poll(() => page.getByRole("heading", { name: "Resumes" }).count()).toBe(0);
    await close();
  });
});

describe("Google sign-in where Google's own endpoints are used", () => {
  it("sends the person to Google's sign-in, which the page's policy lets load, and says so when Google cannot be reached", async () => {
    const production = await routed.startRouter({ HL_WEB_DIR: WEB_DIR, HL_FIREBASE_API_KEY: API_KEY });
    const { page, close, consoleErrors } = await openPage(browser);
    const toGoogle: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).protocol === "https:") toGoogle.push(new URL(request.url()).origin);
    });
    try {
      await page.goto(production.url);
      await page.getByText("Google opens a window to choose your account").waitFor();
      await page.getByRole("button", { name: "Continue with Google" }).click();
      const alert = page.getByRole("alert");
      await alert.waitFor();
      // This machine has no way to Google: the SDK's loader is asked for, and its failure is told.
      expect(toGoogle).toContain("https://apis.google.com");
      expect(await alert.textContent()).toMatch(
        /Google sign-in could not be completed.*auth\/internal-error/,
      );
      expect(consoleErrors.filter((error) => /Content Security Policy/i.test(error))).toEqual([]);
    } finally {
      await close();
      await production.stop("SIGTERM");
    }
  });
});
