import { readFile, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateDevKeys, signDevToken } from "../src/dev-keys.ts";
import { createIdTokenVerifier } from "../src/verify.ts";
import { makeTempDir, nowSeconds, PROJECT_ID } from "./support.ts";

let temp: Awaited<ReturnType<typeof makeTempDir>>;

beforeEach(async () => {
  temp = await makeTempDir();
});

afterEach(() => temp.remove());

describe("generateDevKeys", () => {
  it("writes a public JWKS shaped like Google's and a private key only its owner can read", async () => {
    const keys = await generateDevKeys(join(temp.dir, "keys"));

    const jwks = JSON.parse(await readFile(keys.jwksPath, "utf8"));
    expect(jwks.keys).toHaveLength(1);
    expect(Object.keys(jwks.keys[0]).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
    expect(jwks.keys[0]).toMatchObject({ kty: "RSA", alg: "RS256", use: "sig", kid: keys.kid, e: "AQAB" });
    expect(Buffer.from(jwks.keys[0].n, "base64url").length * 8).toBe(2048);
    expect((await stat(keys.privateKeyPath)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(keys.privateKeyPath, "utf8"))).toMatchObject({
      kid: keys.kid,
      d: expect.any(String),
    });
  });

  it("keeps existing keys", async () => {
    const dir = join(temp.dir, "keys");
    const first = await generateDevKeys(dir);
    const privateKey = await readFile(first.privateKeyPath, "utf8");

    const second = await generateDevKeys(dir);

    expect(second).toEqual(first);
    expect(await readFile(second.privateKeyPath, "utf8")).toBe(privateKey);
  });

  it("agrees on one key when called concurrently", async () => {
    const dir = join(temp.dir, "keys");

    const results = await Promise.all([generateDevKeys(dir), generateDevKeys(dir), generateDevKeys(dir)]);

    const kids = new Set(results.map((keys) => keys.kid));
    expect(kids.size).toBe(1);
    const jwks = JSON.parse(await readFile(join(dir, "jwks.json"), "utf8"));
    expect(jwks.keys[0].kid).toBe(results[0]?.kid);
  });

  it("restores a deleted public JWKS from the private key", async () => {
    const dir = join(temp.dir, "keys");
    const first = await generateDevKeys(dir);
    const jwks = await readFile(first.jwksPath, "utf8");
    await rm(first.jwksPath);

    await generateDevKeys(dir);

    expect(await readFile(first.jwksPath, "utf8")).toBe(jwks);
  });
});

describe("signDevToken", () => {
  it("mints a token shaped like a Firebase ID token that the verifier accepts", async () => {
    const keys = await generateDevKeys(temp.dir);
    const before = nowSeconds();

    const token = await signDevToken({
      uid: "alice",
      projectId: PROJECT_ID,
      privateKeyPath: keys.privateKeyPath,
      ttlSeconds: 600,
      email: "alice@example.com",
      name: "Alice",
    });

    expect(decodeProtectedHeader(token)).toEqual({ alg: "RS256", kid: keys.kid, typ: "JWT" });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({
      iss: `https://securetoken.google.com/${PROJECT_ID}`,
      aud: PROJECT_ID,
      user_id: "alice",
      sub: "alice",
      email: "alice@example.com",
      email_verified: true,
      name: "Alice",
      firebase: { identities: {}, sign_in_provider: "google.com" },
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.auth_time).toBe(claims.iat);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(600);
    const verifier = createIdTokenVerifier({
      projectId: PROJECT_ID,
      keySource: pathToFileURL(keys.jwksPath).href,
    });
    await expect(verifier.verify(token)).resolves.toMatchObject({
      uid: "alice",
      email: "alice@example.com",
      emailVerified: true,
      name: "Alice",
      signInProvider: "google.com",
    });
  });

  it("lasts an hour by default and omits absent profile claims", async () => {
    const keys = await generateDevKeys(temp.dir);

    const claims = decodeJwt(
      await signDevToken({ uid: "bob", projectId: PROJECT_ID, privateKeyPath: keys.privateKeyPath }),
    );

    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    expect(claims).not.toHaveProperty("email");
    expect(claims).not.toHaveProperty("name");
  });

  it("refuses an invalid uid or lifetime", async () => {
    const keys = await generateDevKeys(temp.dir);
    const base = { projectId: PROJECT_ID, privateKeyPath: keys.privateKeyPath };

    await expect(signDevToken({ ...base, uid: "" })).rejects.toThrow(TypeError);
    await expect(signDevToken({ ...base, uid: "u".repeat(129) })).rejects.toThrow(TypeError);
    await expect(signDevToken({ ...base, uid: "alice", ttlSeconds: 0 })).rejects.toThrow(TypeError);
  });

  it("fails clearly without a private key", async () => {
    const privateKeyPath = join(temp.dir, "missing", "private.jwk.json");

    await expect(signDevToken({ uid: "alice", projectId: PROJECT_ID, privateKeyPath })).rejects.toThrow(
      privateKeyPath,
    );
  });
});
