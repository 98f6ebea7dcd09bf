import { copyFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createIdTokenVerifier, type IdTokenVerifierOptions } from "../src/verify.ts";
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
let stranger: TestKeys;

beforeAll(async () => {
  temp = await makeTempDir();
  keys = await makeKeys(join(temp.dir, "keys"));
  stranger = await makeKeys(join(temp.dir, "stranger"));
});

afterEach(() => vi.useRealTimers());

afterAll(() => temp.remove());

const fileVerifier = (options: Partial<IdTokenVerifierOptions> = {}) =>
  createIdTokenVerifier({ projectId: PROJECT_ID, keySource: pathToFileURL(keys.jwksPath).href, ...options });

const tokenFor = (uid: string, overrides = {}) => signRs256(keys.privateJwk, firebaseClaims(uid, overrides));

describe("verified tokens are remembered", () => {
  it("recalls a token only once it has been accepted, as a frozen identity", async () => {
    const verifier = fileVerifier();
    const token = await tokenFor("alice");
    expect(verifier.recall(token)).toBeUndefined();

    const identity = await verifier.verify(token);

    expect(verifier.recall(token)).toBe(identity);
    expect(await verifier.verify(token)).toBe(identity);
    expect(() => {
      (identity as { uid: string }).uid = "mallory";
    }).toThrow(TypeError);
    expect(() => {
      (identity.claims as { sub: string }).sub = "mallory";
    }).toThrow(TypeError);
  });

  it("never remembers a rejected token, nor recalls a token that differs in one byte", async () => {
    const verifier = fileVerifier();
    const forged = await signRs256(stranger.privateJwk, firebaseClaims("mallory"), { kid: keys.kid });
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: "token_signature_invalid" });
    expect(verifier.recall(forged)).toBeUndefined();
    await expect(verifier.verify(forged)).rejects.toMatchObject({ code: "token_signature_invalid" });

    const token = await tokenFor("alice");
    await verifier.verify(token);
    const altered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    expect(verifier.recall(altered)).toBeUndefined();
    await expect(verifier.verify(altered)).rejects.toMatchObject({ code: "token_signature_invalid" });
    expect(verifier.recall("")).toBeUndefined();
  });

  it("forgets a token at its exp, after which verify applies the clock tolerance and refuses it", async () => {
    const verifier = fileVerifier({ clockToleranceSeconds: 0 });
    const exp = nowSeconds() + 30;
    const token = await tokenFor("bob", { exp });
    await verifier.verify(token);

    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(exp * 1000 - 1_000);
    expect(verifier.recall(token)?.uid).toBe("bob");
    vi.setSystemTime(exp * 1000);
    expect(verifier.recall(token)).toBeUndefined();
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_expired" });
  });

  it("checks a remembered token again after cacheMaxAgeSeconds, so a withdrawn key stops being honoured", async () => {
    const rotatingDir = join(temp.dir, "rotating");
    await mkdir(rotatingDir, { recursive: true });
    const jwksPath = join(rotatingDir, "jwks.json");
    await copyFile(keys.jwksPath, jwksPath);
    const verifier = createIdTokenVerifier({
      projectId: PROJECT_ID,
      keySource: pathToFileURL(jwksPath).href,
      cacheMaxAgeSeconds: 60,
    });
    const token = await tokenFor("carol");
    await verifier.verify(token);

    await copyFile(stranger.jwksPath, jwksPath);
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 59_000);
    await expect(verifier.verify(token)).resolves.toMatchObject({ uid: "carol" });
    vi.setSystemTime(Date.now() + 2_000);
    expect(verifier.recall(token)).toBeUndefined();
    await expect(verifier.verify(token)).rejects.toMatchObject({ code: "token_signature_invalid" });
  });

  it("keeps at most cacheEntries tokens, forgetting the least recently used", async () => {
    const verifier = fileVerifier({ cacheEntries: 2 });
    const [a, b, c] = await Promise.all([tokenFor("a"), tokenFor("b"), tokenFor("c")]);
    await verifier.verify(a);
    await verifier.verify(b);
    expect(verifier.recall(a)?.uid).toBe("a");
    await verifier.verify(c);

    expect([a, b, c].map((token) => verifier.recall(token)?.uid)).toEqual(["a", undefined, "c"]);
  });

  it("remembers nothing with cacheEntries 0, and refuses invalid cache settings", async () => {
    const verifier = fileVerifier({ cacheEntries: 0 });
    const token = await tokenFor("dave");
    await verifier.verify(token);
    expect(verifier.recall(token)).toBeUndefined();
    expect(() => fileVerifier({ cacheEntries: -1 })).toThrow(TypeError);
    expect(() => fileVerifier({ cacheEntries: 1.5 })).toThrow(TypeError);
    expect(() => fileVerifier({ cacheMaxAgeSeconds: 0 })).toThrow(TypeError);
  });
});
