import { createPublicKey } from "node:crypto";
import { importJWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createIdTokenVerifier, type IdTokenVerifier } from "../src/verify.ts";
import {
  base64url,
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
let attackerKeys: TestKeys;
let keyServer: KeyServer;
let verifier: IdTokenVerifier;

beforeAll(async () => {
  temp = await makeTempDir();
  keys = await makeKeys(`${temp.dir}/real`);
  attackerKeys = await makeKeys(`${temp.dir}/attacker`);
  keyServer = await startKeyServer(keys.publicJwks);
  verifier = createIdTokenVerifier({ projectId: PROJECT_ID, keySource: keyServer.url });
});

afterAll(async () => {
  await keyServer.close();
  await temp.remove();
});

describe("forged tokens are rejected", () => {
  it("rejects an unsigned token (alg none) without fetching keys", async () => {
    const header = { alg: "none", typ: "JWT", kid: keys.kid };
    const unsigned = `${base64url(header)}.${base64url(firebaseClaims())}.`;
    const before = keyServer.requests();

    await expect(verifier.verify(unsigned)).rejects.toMatchObject({ code: "token_algorithm_not_allowed" });
    expect(keyServer.requests()).toBe(before);
  });

  it("rejects HS256 signed with the public key as the shared secret", async () => {
    const publicPem = createPublicKey({ key: keys.publicJwks.keys[0] ?? {}, format: "jwk" })
      .export({ type: "spki", format: "pem" })
      .toString();
    const forged = await new SignJWT(firebaseClaims())
      .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: keys.kid })
      .sign(new TextEncoder().encode(publicPem));

    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: "token_algorithm_not_allowed" });
  });

  it("rejects RS512 even with the right key", async () => {
    const token = await new SignJWT(firebaseClaims())
      .setProtectedHeader({ alg: "RS512", typ: "JWT", kid: keys.kid })
      .sign(await importJWK(keys.privateJwk, "RS512"));

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_algorithm_not_allowed" });
  });

  it("rejects a token signed by another key that claims the real kid", async () => {
    const forged = await signRs256(attackerKeys.privateJwk, firebaseClaims(), { kid: keys.kid });

    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: "token_signature_invalid" });
  });

  it("rejects a token signed by another key under its own kid", async () => {
    const forged = await signRs256(attackerKeys.privateJwk, firebaseClaims());

    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: "token_signature_invalid" });
  });

  it("rejects a token whose payload was altered after signing", async () => {
    const [header, , signature] = (await signRs256(keys.privateJwk, firebaseClaims("alice"))).split(".");
    const tampered = `${header}.${base64url(firebaseClaims("mallory"))}.${signature}`;

    await expect(verifier.verify(tampered)).rejects.toMatchObject({ code: "token_signature_invalid" });
  });

  it("rejects a token without a kid", async () => {
    const token = await signRs256(keys.privateJwk, firebaseClaims(), { kid: undefined });

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_malformed" });
  });
});

describe("claims are checked", () => {
  it("rejects a token for another project (audience)", async () => {
    const token = await signRs256(keys.privateJwk, firebaseClaims("alice", { aud: "someone-else" }));

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_wrong_audience" });
  });

  it("rejects an audience list even when it contains the project", async () => {
    const token = await signRs256(keys.privateJwk, firebaseClaims("alice", { aud: [PROJECT_ID, "other"] }));

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_wrong_audience" });
  });

  it("rejects a token from another issuer", async () => {
    const token = await signRs256(
      keys.privateJwk,
      firebaseClaims("alice", { iss: "https://securetoken.google.com/someone-else" }),
    );

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_wrong_issuer" });
  });

  it("rejects a token without an issuer", async () => {
    const token = await signRs256(keys.privateJwk, firebaseClaims("alice", { iss: undefined }));

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_wrong_issuer" });
  });

  it("rejects an empty subject", async () => {
    const token = await signRs256(keys.privateJwk, firebaseClaims("alice", { sub: "" }));

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_subject_invalid" });
  });

  it("rejects a subject longer than 128 characters", async () => {
    const token = await signRs256(keys.privateJwk, firebaseClaims("u".repeat(129)));

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_subject_invalid" });
  });

  it("rejects a missing subject", async () => {
    const token = await signRs256(keys.privateJwk, firebaseClaims("alice", { sub: undefined }));

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_subject_invalid" });
  });

  for (const [label, sub] of [
    ["a NUL", "ali\u0000ce"],
    ["a newline", "alice\nadmin"],
    ["an unpaired surrogate", "alice\ud800"],
    ["DEL", "alice\u007f"],
  ]) {
    it(`rejects a subject holding ${label}, which no store could keep`, async () => {
      const token = await signRs256(keys.privateJwk, firebaseClaims("alice", { sub }));

      await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_subject_invalid" });
    });
  }

  it("accepts a subject of letters, digits and punctuation from any script", async () => {
    const token = await signRs256(keys.privateJwk, firebaseClaims("Zoë-用户_01.x@y"));

    await expect(verifier.verify(token)).resolves.toMatchObject({ uid: "Zoë-用户_01.x@y" });
  });

  it("rejects a non-string subject", async () => {
    const claims = { ...firebaseClaims("alice"), sub: 42 } as unknown as Record<string, unknown>;
    const token = await signRs256(keys.privateJwk, claims);

    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_subject_invalid" });
  });
});

describe("input that is not a token", () => {
  it.each([
    ["", "token_missing"],
    ["   ", "token_missing"],
    ["not-a-jwt", "token_malformed"],
    ["a.b.c", "token_malformed"],
    [`${base64url({ alg: "RS256", kid: "k" })}.${base64url({ sub: "x" })}`, "token_malformed"],
  ])("rejects %j with %s", async (token, code) => {
    await expect(verifier.verify(token)).rejects.toMatchObject({ code });
  });
});
