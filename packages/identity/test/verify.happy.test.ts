import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdTokenVerifier } from "../src/verify.ts";
import {
  firebaseClaims,
  type KeyServer,
  makeKeys,
  makeTempDir,
  PROJECT_ID,
  signRs256,
  startKeyServer,
  type TestKeys,
} from "./support.ts";

let temp: Awaited<ReturnType<typeof makeTempDir>>;
let keys: TestKeys;
let keyServer: KeyServer;

beforeAll(async () => {
  temp = await makeTempDir();
  keys = await makeKeys(temp.dir);
  keyServer = await startKeyServer(keys.publicJwks);
});

afterAll(async () => {
  await keyServer.close();
  await temp.remove();
});

describe("createIdTokenVerifier with a JWKS served over HTTP", () => {
  it("returns the identity of a valid Firebase ID token", async () => {
    const verifier = createIdTokenVerifier({ projectId: PROJECT_ID, keySource: keyServer.url });
    const claims = firebaseClaims("alice", { name: "Alice Liddell", role: "recruiter" });

    const identity = await verifier.verify(await signRs256(keys.privateJwk, claims));

    expect(identity).toEqual({
      uid: "alice",
      email: "alice@example.com",
      emailVerified: true,
      name: "Alice Liddell",
      signInProvider: "google.com",
      claims,
    });
  });

  it("accepts a uid of exactly 128 characters", async () => {
    const verifier = createIdTokenVerifier({ projectId: PROJECT_ID, keySource: keyServer.url });
    const uid = "u".repeat(128);

    const identity = await verifier.verify(await signRs256(keys.privateJwk, firebaseClaims(uid)));

    expect(identity.uid).toBe(uid);
  });

  it("fetches the key set once and serves later tokens from its cache", async () => {
    const verifier = createIdTokenVerifier({ projectId: PROJECT_ID, keySource: keyServer.url });
    const before = keyServer.requests();

    await verifier.verify(await signRs256(keys.privateJwk, firebaseClaims("bob")));
    await verifier.verify(await signRs256(keys.privateJwk, firebaseClaims("carol")));

    expect(keyServer.requests() - before).toBe(1);
  });

  it("tolerates clock skew up to clockToleranceSeconds", async () => {
    const now = Math.floor(Date.now() / 1000);
    const justExpired = await signRs256(keys.privateJwk, firebaseClaims("dave", { exp: now - 20 }));
    const lenient = createIdTokenVerifier({
      projectId: PROJECT_ID,
      keySource: keyServer.url,
      clockToleranceSeconds: 60,
    });
    const strict = createIdTokenVerifier({
      projectId: PROJECT_ID,
      keySource: keyServer.url,
      clockToleranceSeconds: 0,
    });

    await expect(lenient.verify(justExpired)).resolves.toMatchObject({ uid: "dave" });
    await expect(strict.verify(justExpired)).rejects.toMatchObject({ code: "token_expired" });
  });
});

describe("createIdTokenVerifier with a JWKS file", () => {
  it("verifies tokens against file:// keys", async () => {
    const verifier = createIdTokenVerifier({
      projectId: PROJECT_ID,
      keySource: pathToFileURL(keys.jwksPath).href,
    });

    const identity = await verifier.verify(await signRs256(keys.privateJwk, firebaseClaims("erin")));

    expect(identity.uid).toBe("erin");
  });
});
