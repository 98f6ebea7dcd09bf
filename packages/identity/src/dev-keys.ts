import { randomUUID } from "node:crypto";
import { chmod, link, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import type { Role } from "./roles.ts";

/**
 * Local signing keys that stand in for Google's in dev and tests, so that tokens are verified with
 * real RS256 signatures everywhere. The private key file is the source of truth; the public JWKS is
 * derived from it, so the two can never disagree.
 */
export type DevKeys = { jwksPath: string; privateKeyPath: string; kid: string };

export type DevTokenOptions = {
  uid: string;
  projectId: string;
  privateKeyPath: string;
  /** Lifetime in seconds. Default 3600, like Firebase ID tokens. */
  ttlSeconds?: number;
  email?: string;
  name?: string;
  /** A custom claim, as Firebase's Admin SDK sets one (`setCustomUserClaims({ role })`). */
  role?: Role;
  /** The user's plan, a custom claim set the same way (`setCustomUserClaims({ tier })`). */
  tier?: "free" | "premium";
};

type RsaPrivateJwk = JWK & { kty: "RSA"; kid: string; n: string; e: string; d: string };

const ALGORITHM = "RS256";
const JWKS_FILE = "jwks.json";
const PRIVATE_KEY_FILE = "private.jwk.json";

/** Creates an RS256 key pair in `dir` unless one is already there; safe to call concurrently. */
export async function generateDevKeys(dir: string): Promise<DevKeys> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const privateKeyPath = join(dir, PRIVATE_KEY_FILE);
  const jwksPath = join(dir, JWKS_FILE);
  const privateJwk =
    (await readPrivateJwkIfPresent(privateKeyPath)) ?? (await createPrivateJwk(privateKeyPath));
  await chmod(privateKeyPath, 0o600);
  const jwks = `${JSON.stringify({ keys: [publicJwkOf(privateJwk)] }, null, 2)}\n`;
  if ((await readTextIfPresent(jwksPath)) !== jwks) await writeAtomically(jwksPath, jwks, 0o644);
  return { jwksPath, privateKeyPath, kid: privateJwk.kid };
}

/** Mints a token with the same header and claims as a Firebase ID token after Google sign-in. */
export async function signDevToken(options: DevTokenOptions): Promise<string> {
  const { uid, projectId, privateKeyPath, ttlSeconds = 3600, email, name, role, tier } = options;
  if (uid === "" || uid.length > 128) throw new TypeError("uid must be 1 to 128 characters");
  if (!Number.isInteger(ttlSeconds) || ttlSeconds <= 0)
    throw new TypeError("ttlSeconds must be a positive integer");
  const privateJwk = await readPrivateJwkIfPresent(privateKeyPath);
  if (!privateJwk) throw new Error(`no dev signing key at ${privateKeyPath}`);
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: `https://securetoken.google.com/${projectId}`,
    aud: projectId,
    auth_time: now,
    user_id: uid,
    sub: uid,
    iat: now,
    exp: now + ttlSeconds,
    ...(name === undefined ? {} : { name }),
    ...(role === undefined ? {} : { role }),
    ...(tier === undefined ? {} : { tier }),
    // Google accounts always come with a verified address.
    ...(email === undefined ? {} : { email, email_verified: true }),
    firebase: { identities: {}, sign_in_provider: "google.com" },
  };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, kid: privateJwk.kid, typ: "JWT" })
    .sign(await importJWK(privateJwk, ALGORITHM));
}

async function createPrivateJwk(privateKeyPath: string): Promise<RsaPrivateJwk> {
  const { privateKey } = await generateKeyPair(ALGORITHM, { modulusLength: 2048, extractable: true });
  const exported = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(exported);
  const privateJwk = { ...exported, kid, alg: ALGORITHM, use: "sig" } as RsaPrivateJwk;
  const staging = `${privateKeyPath}.${randomUUID()}.tmp`;
  await writeFile(staging, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600 });
  await chmod(staging, 0o600);
  try {
    // link() never replaces an existing file: if another process won the race, keep its key.
    await link(staging, privateKeyPath);
    return privateJwk;
  } catch (error) {
    if (!isErrno(error, "EEXIST")) throw error;
    const winner = await readPrivateJwkIfPresent(privateKeyPath);
    if (!winner) throw error;
    return winner;
  } finally {
    await unlink(staging);
  }
}

async function readPrivateJwkIfPresent(path: string): Promise<RsaPrivateJwk | undefined> {
  const text = await readTextIfPresent(path);
  if (text === undefined) return undefined;
  const jwk: unknown = JSON.parse(text);
  if (!isRsaPrivateJwk(jwk)) throw new Error(`${path} is not an RSA private JWK with a kid`);
  return jwk;
}

function isRsaPrivateJwk(value: unknown): value is RsaPrivateJwk {
  if (typeof value !== "object" || value === null) return false;
  const jwk = value as Record<string, unknown>;
  return (
    jwk.kty === "RSA" &&
    ["kid", "n", "e", "d"].every((field) => typeof jwk[field] === "string" && jwk[field] !== "")
  );
}

/** The public half in the shape Google's JWKS endpoint serves. */
function publicJwkOf(privateJwk: RsaPrivateJwk): JWK {
  return { kty: "RSA", alg: ALGORITHM, use: "sig", kid: privateJwk.kid, n: privateJwk.n, e: privateJwk.e };
}

async function readTextIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if (isErrno(error, "ENOENT")) return undefined;
    throw error;
  }
}

async function writeAtomically(path: string, text: string, mode: number): Promise<void> {
  const staging = `${path}.${randomUUID()}.tmp`;
  await writeFile(staging, text, { mode });
  await chmod(staging, mode);
  await rename(staging, path);
}

function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
