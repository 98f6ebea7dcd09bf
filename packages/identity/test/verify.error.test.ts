import { copyFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { httpStatusOf, IDENTITY_ERROR_CODES, IdentityError } from "../src/errors.ts";
import { createIdTokenVerifier, type IdTokenVerifier } from "../src/verify.ts";
import {
  firebaseClaims,
  type KeyServer,
  makeKeys,
  makeTempDir,
  nowSeconds,
  PROJECT_ID,
  signRs256,
  startKeyServer,
  type TestKeys,
} from "./support.ts";

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let keys: TestKeys;
let keyServer: KeyServer;
let verifier: IdTokenVerifier;

beforeAll(async () => {
  temp = await makeTempDir();
  keys = await makeKeys(join(temp.dir, "keys"));
  keyServer = await startKeyServer(keys.publicJwks);
  verifier = createIdTokenVerifier({ projectId: PROJECT_ID, keySource: keyServer.url });
});

afterEach(() => keyServer.behave("serve"));

afterAll(async () => {
  await keyServer.close();
  await temp.remove();
});

describe("time claims", () => {
  it("rejects an expired token", async () => {
    const now = nowSeconds();
    const token = await signRs256(
      keys.privateJwk,
      firebaseClaims("alice", { iat: now - 7200, exp: now - 3600 }),
    );

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_expired" });
  });

  it("rejects a token issued in the future", async () => {
    const now = nowSeconds();
    const token = await signRs256(
      keys.privateJwk,
      firebaseClaims("alice", { iat: now + 600, exp: now + 4200 }),
    );

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_not_yet_valid" });
  });

  it("rejects a sign-in time in the future", async () => {
    const token = await signRs256(
      keys.privateJwk,
      firebaseClaims("alice", { auth_time: nowSeconds() + 600 }),
    );

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_not_yet_valid" });
  });

  it("rejects a token without an expiry", async () => {
    const token = await signRs256(keys.privateJwk, firebaseClaims("alice", { exp: undefined }));

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_malformed" });
  });
});

describe("key source failures are identity_keys_unavailable (503), not the caller's fault", () => {
  it("when the key server answers 500", async () => {
    keyServer.behave("fail-500");
    const fresh = createIdTokenVerifier({ projectId: PROJECT_ID, keySource: keyServer.url });

    await expect(fresh.verify(await signRs256(keys.privateJwk, firebaseClaims()))).rejects.toMatchObject({
      code: "identity_keys_unavailable",
    });
  });

  it("when the key server answers malformed JSON", async () => {
    keyServer.behave("malformed-json");
    const fresh = createIdTokenVerifier({ projectId: PROJECT_ID, keySource: keyServer.url });

    await expect(fresh.verify(await signRs256(keys.privateJwk, firebaseClaims()))).rejects.toMatchObject({
      code: "identity_keys_unavailable",
    });
  });

  it("when the key server hangs past the fetch timeout", async () => {
    keyServer.behave("hang");
    const fresh = createIdTokenVerifier({
      projectId: PROJECT_ID,
      keySource: keyServer.url,
      fetchTimeoutMs: 200,
    });
    const token = await signRs256(keys.privateJwk, firebaseClaims());
    const started = Date.now();

    await expect(fresh.verify(token)).rejects.toMatchObject({ code: "identity_keys_unavailable" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("when nothing listens at the key source", async () => {
    const gone = await startKeyServer(keys.publicJwks);
    await gone.close();
    const fresh = createIdTokenVerifier({ projectId: PROJECT_ID, keySource: gone.url });

    await expect(fresh.verify(await signRs256(keys.privateJwk, firebaseClaims()))).rejects.toMatchObject({
      code: "identity_keys_unavailable",
    });
  });

  it("recovers once the key server does", async () => {
    keyServer.behave("fail-500");
    const fresh = createIdTokenVerifier({ projectId: PROJECT_ID, keySource: keyServer.url });
    const token = await signRs256(keys.privateJwk, firebaseClaims("alice"));
    await expect(fresh.verify(token)).rejects.toMatchObject({ code: "identity_keys_unavailable" });

    keyServer.behave("serve");

    await expect(fresh.verify(token)).resolves.toMatchObject({ uid: "alice" });
  });

  it("when the key file is missing", async () => {
    const missing = pathToFileURL(join(temp.dir, "absent", "jwks.json")).href;
    const fresh = createIdTokenVerifier({ projectId: PROJECT_ID, keySource: missing });

    await expect(fresh.verify(await signRs256(keys.privateJwk, firebaseClaims()))).rejects.toMatchObject({
      code: "identity_keys_unavailable",
    });
  });
});

describe("the file key source follows key rotation", () => {
  it("re-reads the file when it changes", async () => {
    const jwksPath = join(temp.dir, "rotating", "jwks.json");
    await makeKeys(join(temp.dir, "rotating"));
    const next = await makeKeys(join(temp.dir, "next"));
    const fileVerifier = createIdTokenVerifier({
      projectId: PROJECT_ID,
      keySource: pathToFileURL(jwksPath).href,
    });
    const tokenFromNextKey = await signRs256(next.privateJwk, firebaseClaims("alice"));
    await expect(fileVerifier.verify(tokenFromNextKey)).rejects.toMatchObject({
      code: "token_signature_invalid",
    });

    await copyFile(next.jwksPath, jwksPath);

    await expect(fileVerifier.verify(tokenFromNextKey)).resolves.toMatchObject({ uid: "alice" });
  });
});

describe("createIdTokenVerifier configuration", () => {
  it("refuses plain HTTP key sources off loopback", () => {
    expect(() =>
      createIdTokenVerifier({ projectId: PROJECT_ID, keySource: "http://keys.example.com/jwks" }),
    ).toThrow(TypeError);
  });

  it("requires a project id", () => {
    expect(() => createIdTokenVerifier({ projectId: "", keySource: keyServer.url })).toThrow(TypeError);
  });
});

describe("httpStatusOf", () => {
  it("maps an unavailable key source to 503 and every token problem to 401", () => {
    const statuses = Object.fromEntries(IDENTITY_ERROR_CODES.map((code) => [code, httpStatusOf(code)]));

    expect(statuses).toEqual({
      token_missing: 401,
      token_malformed: 401,
      token_signature_invalid: 401,
      token_expired: 401,
      token_not_yet_valid: 401,
      token_wrong_audience: 401,
      token_wrong_issuer: 401,
      token_subject_invalid: 401,
      token_algorithm_not_allowed: 401,
      identity_keys_unavailable: 503,
    });
  });

  it("is carried by IdentityError", () => {
    const error = new IdentityError("token_expired", "expired");

    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("token_expired");
  });
});
