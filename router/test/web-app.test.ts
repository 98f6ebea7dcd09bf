import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { generateDevKeys } from "@hireloop/identity";
import type { CellRecord } from "@hireloop/placement";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRouter, type TestRouter } from "./support/router.ts";

const INDEX =
  '<!doctype html><title>Hireloop</title><script type="module" src="/assets/app-4f2a.js"></script>';
/** The router answers everything here itself; its one cell is never reached. */
const NOWHERE: CellRecord = {
  id: "us-east-1",
  region: "us-east",
  state: "active",
  apiUrl: "http://127.0.0.1:9",
  weight: 1,
};
const FIREBASE_API_KEY = "AIzaSyD-example-web-key";
const SCRIPT = `console.log(${JSON.stringify("x".repeat(2_000))});`;

let keysDir: string;
let withDevSignIn: TestRouter;
let production: TestRouter;

beforeAll(async () => {
  const webDir = await mkdtemp(join(tmpdir(), "hl-web-app-"));
  await mkdir(join(webDir, "assets"));
  await writeFile(join(webDir, "index.html"), INDEX);
  await writeFile(join(webDir, "assets", "app-4f2a.js"), SCRIPT);
  await writeFile(join(webDir, "assets", "app-4f2a.js.gz"), gzipSync(SCRIPT));
  keysDir = await mkdtemp(join(tmpdir(), "hl-web-keys-"));
  const keys = await generateDevKeys(keysDir);
  const jwksUrl = `file://${keys.jwksPath}`;
  withDevSignIn = await startRouter([NOWHERE], jwksUrl, {
    HL_WEB_DIR: webDir,
    HL_DEV_SIGNIN_KEY_FILE: keys.privateKeyPath,
  });
  production = await startRouter([NOWHERE], jwksUrl, {
    HL_WEB_DIR: webDir,
    HL_FIREBASE_API_KEY: FIREBASE_API_KEY,
  });
}, 60_000);
afterAll(async () => {
  await withDevSignIn?.close();
  await production?.close();
});

describe("the router serves the web app at /", () => {
  it("answers the app's page for / and for any screen a person bookmarked, revalidated on each visit", async () => {
    for (const path of ["/", "/resumes", "/resumes/0b6f4c2e-1f0a-4c8e-9d55-0c1d2e3f4a5b", "/ops/cells"]) {
      const res = await fetch(`${production.url}${path}`);
      expect([path, res.status, await res.text()]).toEqual([path, 200, INDEX]);
      expect(res.headers.get("content-type")).toMatch(/^text\/html/);
      expect(res.headers.get("cache-control")).toBe("no-cache");
      expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    }
  });

  it("lets Google sign-in reach Firebase's origins, and only where the app signs in with Google", async () => {
    const google = (await fetch(`${production.url}/`)).headers;
    const policy = google.get("content-security-policy") ?? "";
    expect(policy).toContain("script-src 'self' https://apis.google.com;");
    expect(policy).toContain(
      "connect-src 'self' https://identitytoolkit.googleapis.com https://securetoken.googleapis.com;",
    );
    expect(policy).toContain("frame-src 'self' blob: https://hireloop-test.firebaseapp.com;");
    expect(google.get("cross-origin-opener-policy")).toBe("same-origin-allow-popups");
    const dev = (await fetch(`${withDevSignIn.url}/`)).headers;
    expect(dev.get("content-security-policy")).toContain("script-src 'self';");
    expect(dev.get("content-security-policy")).toContain("connect-src 'self';");
    expect(dev.get("cross-origin-opener-policy")).toBe("same-origin");
  });

  it("serves hashed assets for a year, compressed when the browser takes it, and 404s a missing one", async () => {
    const plain = await fetch(`${production.url}/assets/app-4f2a.js`, {
      headers: { "accept-encoding": "identity" },
    });
    expect(await plain.text()).toBe(SCRIPT);
    expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const gzipped = await fetch(`${production.url}/assets/app-4f2a.js`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(await gzipped.text()).toBe(SCRIPT);
    const missing = await fetch(`${production.url}/assets/app-0000.js`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: "not_found" });
  });

  it("keeps the API, the platform's paths and files outside the build to themselves", async () => {
    expect((await fetch(`${production.url}/v1/resumes`)).status).toBe(401);
    expect((await fetch(`${production.url}/v1/no-such-thing`)).status).toBe(401);
    expect((await fetch(`${production.url}/ops/v1/cells`)).status).toBe(401);
    expect((await fetch(`${production.url}/favicon.ico`)).status).toBe(404);
    const traversal = await fetch(`${production.url}/assets/..%2f..%2fpackage.json`);
    expect(traversal.status).toBe(404);
  });

  it("tells the app its region and how people sign in there", async () => {
    expect(await (await fetch(`${production.url}/config.json`)).json()).toEqual({
      region: "us-east",
      regions: ["us-east"],
      signIn: {
        kind: "firebase",
        projectId: "hireloop-test",
        apiKey: FIREBASE_API_KEY,
        authDomain: "hireloop-test.firebaseapp.com",
      },
    });
    expect(await (await fetch(`${withDevSignIn.url}/config.json`)).json()).toEqual({
      region: "us-east",
      regions: ["us-east"],
      signIn: { kind: "dev" },
    });
  });
});

describe("dev sign-in", () => {
  const devToken = (router: TestRouter, body: unknown) =>
    fetch(`${router.url}/dev/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("mints a token the router accepts, for the user asked", async () => {
    const res = await devToken(withDevSignIn, { uid: "dev-ana", email: "ana@example.com", role: "operator" });
    expect(res.status).toBe(200);
    const { token, expiresIn } = await res.json();
    expect(expiresIn).toBe(3600);
    const home = await fetch(`${withDevSignIn.url}/v1/home`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(home.status).toBe(200);
    const [, payload = ""] = token.split(".");
    expect(JSON.parse(Buffer.from(payload, "base64url").toString())).toMatchObject({
      sub: "dev-ana",
      email: "ana@example.com",
      role: "operator",
    });
  });

  it("refuses a malformed request with 400 and a body too large unread", async () => {
    for (const body of [
      {},
      { uid: "" },
      { uid: "a b" },
      { uid: "x".repeat(129) },
      { uid: "ok", email: "no" },
    ]) {
      const res = await devToken(withDevSignIn, body);
      expect([res.status, (await res.json()).code]).toEqual([400, "invalid_request"]);
    }
    const large = await devToken(withDevSignIn, { uid: "ok", pad: "x".repeat(20_000) });
    expect(large.status).toBe(413);
  });

  it("does not exist on a router without the dev key", async () => {
    const res = await devToken(production, { uid: "dev-ana" });
    expect(res.status).toBe(404);
  });
});
