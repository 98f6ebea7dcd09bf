import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireIdentity } from "../src/middleware.ts";
import { createIdTokenVerifier, type IdTokenVerifier } from "../src/verify.ts";
import {
  firebaseClaims,
  makeKeys,
  makeTempDir,
  nowSeconds,
  PROJECT_ID,
  signRs256,
  type TestKeys,
} from "./support.ts";

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let keys: TestKeys;
let verifier: IdTokenVerifier;

beforeAll(async () => {
  temp = await makeTempDir();
  keys = await makeKeys(temp.dir);
  verifier = createIdTokenVerifier({ projectId: PROJECT_ID, keySource: pathToFileURL(keys.jwksPath).href });
});

afterAll(() => temp.remove());

function appWith(identityVerifier: IdTokenVerifier, options: { withRequestId: boolean }) {
  const app = new Hono();
  if (options.withRequestId) app.use(requestId());
  app.use("/v1/*", requireIdentity({ verifier: identityVerifier }));
  app.get("/v1/me", (c) => c.json(c.get("identity")));
  return app;
}

describe("requireIdentity", () => {
  it("sets the verified identity for the handler", async () => {
    const app = appWith(verifier, { withRequestId: true });
    const token = await signRs256(keys.privateJwk, firebaseClaims("alice"));

    const response = await app.request("/v1/me", { headers: { Authorization: `Bearer ${token}` } });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ uid: "alice", email: "alice@example.com" });
  });

  it("accepts the scheme in any case", async () => {
    const app = appWith(verifier, { withRequestId: false });
    const token = await signRs256(keys.privateJwk, firebaseClaims("alice"));

    const response = await app.request("/v1/me", { headers: { Authorization: `bearer ${token}` } });

    expect(response.status).toBe(200);
  });

  it("answers 401 with the error body and the request id for an invalid token", async () => {
    const app = appWith(verifier, { withRequestId: true });
    const now = nowSeconds();
    const expired = await signRs256(
      keys.privateJwk,
      firebaseClaims("alice", { iat: now - 7200, exp: now - 3600 }),
    );

    const response = await app.request("/v1/me", {
      headers: { Authorization: `Bearer ${expired}`, "X-Request-Id": "req-123" },
    });

    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toBe('Bearer error="invalid_token"');
    expect(await response.json()).toEqual({
      code: "token_expired",
      message: "the ID token has expired",
      requestId: "req-123",
    });
  });

  it("answers 401 token_missing with a bare challenge and a null request id", async () => {
    const app = appWith(verifier, { withRequestId: false });

    const response = await app.request("/v1/me");

    expect(response.status).toBe(401);
    expect(response.headers.get("WWW-Authenticate")).toBe("Bearer");
    expect(await response.json()).toMatchObject({ code: "token_missing", requestId: null });
  });

  it("treats another authorization scheme as no token", async () => {
    const app = appWith(verifier, { withRequestId: false });

    const response = await app.request("/v1/me", { headers: { Authorization: "Basic YWxpY2U6c2VjcmV0" } });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "token_missing" });
  });

  it("answers 503 when the signing keys are unavailable", async () => {
    const missingKeys = pathToFileURL(join(temp.dir, "absent.json")).href;
    const app = appWith(createIdTokenVerifier({ projectId: PROJECT_ID, keySource: missingKeys }), {
      withRequestId: false,
    });
    const token = await signRs256(keys.privateJwk, firebaseClaims("alice"));

    const response = await app.request("/v1/me", { headers: { Authorization: `Bearer ${token}` } });

    expect(response.status).toBe(503);
    expect(response.headers.get("WWW-Authenticate")).toBeNull();
    expect(await response.json()).toMatchObject({ code: "identity_keys_unavailable" });
  });
});
