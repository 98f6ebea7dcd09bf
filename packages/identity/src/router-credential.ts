import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { LRUCache } from "lru-cache";

/**
 * The router credential: how a cell knows a request came from its region's router and from nothing
 * else, whatever user token it carries (ADR 0016). The router signs each request it forwards —
 * method, path and query, tenant, time and a fresh nonce — with the cell's own key, an HMAC key
 * derived from the region's router signing key and the cell id. A cell holds only its derived key,
 * so it can check the router's requests but cannot sign for another cell.
 */

/** `v1.<unix ms>.<nonce>.<base64url HMAC-SHA256>` */
export const ROUTER_CREDENTIAL_HEADER = "x-hl-router-credential";
/** The user the router verified the request for ("" for requests that name no user). */
export const ROUTED_TENANT_HEADER = "x-hl-tenant";

const VERSION = "v1";
const KEY_BYTES = 32;
const DERIVATION_LABEL = "hireloop router-to-cell request key v1";

/** A cell's key: HMAC-SHA256(region's router signing key, label + cell id). */
export function deriveCellKey(routerSigningKey: Buffer, cellId: string): Buffer {
  if (routerSigningKey.byteLength < KEY_BYTES) {
    throw new TypeError(`a router signing key has at least ${KEY_BYTES} bytes`);
  }
  return createHmac("sha256", routerSigningKey).update(`${DERIVATION_LABEL}\n${cellId}`).digest();
}

export interface SignedRequest {
  method: string;
  /** The path and query exactly as the cell receives them. */
  path: string;
  tenant: string;
}

/** What the router adds to a request for one cell. */
export function signRouterCredential(
  cellKey: Buffer,
  request: SignedRequest,
  now: number = Date.now(),
  nonce: string = randomUUID(),
): Record<string, string> {
  const stamp = `${VERSION}.${now}.${nonce}`;
  return {
    [ROUTER_CREDENTIAL_HEADER]: `${stamp}.${mac(cellKey, stamp, request)}`,
    [ROUTED_TENANT_HEADER]: request.tenant,
  };
}

export type RouterCredentialFailure = "router_credential_missing" | "router_credential_invalid";

export type CredentialCheck = { ok: true } | { ok: false; code: RouterCredentialFailure; message: string };

export interface RouterCredentialCheckOptions {
  cellKey: Buffer;
  /** How far the signing time may be from this cell's clock, either way. Default 30 s. */
  maxSkewMs?: number;
  /** Nonces remembered to refuse replays; past it, the oldest are forgotten first. Default 500,000. */
  maxNonces?: number;
  now?: () => number;
}

export type RouterCredentialCheck = (
  request: SignedRequest & { credential: string | undefined },
) => CredentialCheck;

/**
 * Checks one request's credential: well formed, signed with this cell's key over this very method,
 * path and tenant, signed within the allowed skew, and its nonce never seen before within that time.
 * The nonce is remembered only once the signature holds, so forgeries cannot fill the memory.
 */
export function createRouterCredentialCheck(options: RouterCredentialCheckOptions): RouterCredentialCheck {
  const { cellKey, maxSkewMs = 30_000, maxNonces = 500_000, now = Date.now } = options;
  // A nonce can only be replayed while its time is within the skew either way: 2 × skew covers it.
  const seen = new LRUCache<string, true>({ max: maxNonces, ttl: 2 * maxSkewMs, ttlAutopurge: false });
  return ({ credential, ...request }) => {
    if (credential === undefined || credential === "") {
      return refuse(
        "router_credential_missing",
        "this cell answers only its region's router; send the request to the router",
      );
    }
    const parts = credential.split(".");
    const [version, time, nonce, signature] = parts;
    if (parts.length !== 4 || version !== VERSION || !time || !nonce || !signature) {
      return refuse("router_credential_invalid", "the router credential is malformed");
    }
    const signedAt = Number(time);
    if (!/^\d{1,15}$/.test(time) || Math.abs(now() - signedAt) > maxSkewMs) {
      return refuse("router_credential_invalid", "the router credential has expired");
    }
    const expected = Buffer.from(mac(cellKey, `${version}.${time}.${nonce}`, request), "base64url");
    const presented = Buffer.from(signature, "base64url");
    if (presented.byteLength !== expected.byteLength || !timingSafeEqual(presented, expected)) {
      return refuse("router_credential_invalid", "the router credential does not match this request");
    }
    if (seen.has(nonce)) return refuse("router_credential_invalid", "the router credential was used before");
    seen.set(nonce, true);
    return { ok: true };
  };
}

function refuse(code: RouterCredentialFailure, message: string): CredentialCheck {
  return { ok: false, code, message };
}

function mac(key: Buffer, stamp: string, request: SignedRequest): string {
  return createHmac("sha256", key)
    .update(`${stamp}\n${request.method.toUpperCase()}\n${request.path}\n${request.tenant}`)
    .digest("base64url");
}

/** Reads a key file (hex, one line); configuration reads it once at start-up. */
export function readKeyFile(path: string): Buffer {
  const text = readFileSync(path, "utf8").trim();
  if (!/^[0-9a-f]{64,}$/i.test(text)) throw new Error(`${path} does not hold a hex key of 32 bytes or more`);
  return Buffer.from(text, "hex");
}

/** A new random key of 32 bytes: a region's router signing key. */
export function newRouterSigningKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/**
 * The region's router signing key at `path`, made on first use and never replaced after (every
 * cell's key is derived from it). Safe when several processes set up at once.
 */
export async function ensureRouterSigningKey(path: string): Promise<Buffer> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  // Written whole under another name and linked into place: a reader never sees a half-written key,
  // and of several processes setting up at once, the first link wins and the others keep it.
  const scratch = `${path}.${process.pid}.${randomUUID()}`;
  await writeFile(scratch, `${newRouterSigningKey().toString("hex")}\n`, { mode: 0o600 });
  try {
    await link(scratch, path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error;
    });
  } finally {
    await unlink(scratch);
  }
  return readKeyFile(path);
}

/** Writes the key of cell `cellId` derived from the region's signing key; true when the file changed. */
export async function writeCellKey(path: string, signingKey: Buffer, cellId: string): Promise<boolean> {
  const text = `${deriveCellKey(signingKey, cellId).toString("hex")}\n`;
  if ((await readFile(path, "utf8").catch(() => "")) === text) return false;
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const scratch = `${path}.${process.pid}.${randomUUID()}`;
  await writeFile(scratch, text, { mode: 0o600 });
  await rename(scratch, path);
  return true;
}
