import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type JWK, type JWTPayload, SignJWT } from "jose";
import { type DevKeys, generateDevKeys } from "../src/dev-keys.ts";

export const PROJECT_ID = "hireloop-test";
export const ISSUER = `https://securetoken.google.com/${PROJECT_ID}`;

export async function makeTempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "hireloop-identity-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export type TestKeys = DevKeys & { privateJwk: JWK; publicJwks: { keys: JWK[] } };

export async function makeKeys(dir: string): Promise<TestKeys> {
  const keys = await generateDevKeys(dir);
  const privateJwk = JSON.parse(await readFile(keys.privateKeyPath, "utf8")) as JWK;
  const publicJwks = JSON.parse(await readFile(keys.jwksPath, "utf8")) as { keys: JWK[] };
  return { ...keys, privateJwk, publicJwks };
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The claims of a fresh Firebase ID token for `uid`, to be overridden field by field. */
export function firebaseClaims(uid = "alice", overrides: JWTPayload = {}): JWTPayload {
  const now = nowSeconds();
  return {
    iss: ISSUER,
    aud: PROJECT_ID,
    auth_time: now - 60,
    user_id: uid,
    sub: uid,
    iat: now - 10,
    exp: now + 3600,
    email: `${uid}@example.com`,
    email_verified: true,
    firebase: { identities: {}, sign_in_provider: "google.com" },
    ...overrides,
  };
}

export async function signRs256(
  privateJwk: JWK,
  claims: JWTPayload,
  header: { kid?: string | undefined } = { kid: privateJwk.kid },
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: "RS256", typ: "JWT", ...header }).sign(privateJwk);
}

export function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export type KeyServerBehaviour = "serve" | "fail-500" | "malformed-json" | "hang";

/** A real HTTP server speaking the wire format of Google's JWKS endpoint, with switchable faults. */
export type KeyServer = {
  url: string;
  requests: () => number;
  behave: (behaviour: KeyServerBehaviour) => void;
  close: () => Promise<void>;
};

export async function startKeyServer(jwks: unknown): Promise<KeyServer> {
  let behaviour: KeyServerBehaviour = "serve";
  let requests = 0;
  const server: Server = createServer((_request, response) => {
    requests += 1;
    if (behaviour === "hang") return;
    if (behaviour === "fail-500") {
      response.writeHead(500, { "content-type": "text/plain" }).end("backend error");
      return;
    }
    const body = behaviour === "malformed-json" ? '{"keys": [' : JSON.stringify(jwks);
    response.writeHead(200, { "content-type": "application/json", "cache-control": "public, max-age=19800" });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/service_accounts/v1/jwk/securetoken@system.gserviceaccount.com`,
    requests: () => requests,
    behave: (next) => {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
