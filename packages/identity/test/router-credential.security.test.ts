import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  createRouterCredentialCheck,
  deriveCellKey,
  ensureRouterSigningKey,
  newRouterSigningKey,
  ROUTED_TENANT_HEADER,
  ROUTER_CREDENTIAL_HEADER,
  readKeyFile,
  signRouterCredential,
  writeCellKey,
} from "../src/index.ts";

const signingKey = newRouterSigningKey();
const cellKey = deriveCellKey(signingKey, "us-east-1");
const request = { method: "POST", path: "/v1/jobs?x=1", tenant: "alice" };

/** The credential the router sends, as the check reads it. */
function presented(headers: Record<string, string>, changes: Partial<typeof request> = {}) {
  return {
    ...request,
    ...changes,
    tenant: changes.tenant ?? headers[ROUTED_TENANT_HEADER] ?? "",
    credential: headers[ROUTER_CREDENTIAL_HEADER],
  };
}

describe("the router credential", () => {
  it("admits what the router signed for this cell, once", () => {
    const check = createRouterCredentialCheck({ cellKey });
    const headers = signRouterCredential(cellKey, request);
    expect(headers[ROUTED_TENANT_HEADER]).toBe("alice");
    expect(check(presented(headers))).toEqual({ ok: true });
    expect(check(presented(headers))).toEqual({
      ok: false,
      code: "router_credential_invalid",
      message: "the router credential was used before",
    });
  });

  it("refuses a request without one, and every change to what was signed", () => {
    const check = createRouterCredentialCheck({ cellKey });
    expect(check({ ...request, credential: undefined })).toMatchObject({ code: "router_credential_missing" });
    expect(check({ ...request, credential: "" })).toMatchObject({ code: "router_credential_missing" });
    const changes: Partial<typeof request>[] = [
      { method: "DELETE" },
      { path: "/v1/jobs?x=2" },
      { path: "/v1/resumes" },
      { tenant: "mallory" },
      { tenant: "" },
    ];
    for (const change of changes) {
      expect(check(presented(signRouterCredential(cellKey, request), change))).toEqual({
        ok: false,
        code: "router_credential_invalid",
        message: "the router credential does not match this request",
      });
    }
  });

  it("refuses credentials for another cell, from another region's key, or made up", () => {
    const check = createRouterCredentialCheck({ cellKey });
    const otherCell = deriveCellKey(signingKey, "us-east-2");
    const otherRegion = deriveCellKey(newRouterSigningKey(), "us-east-1");
    for (const key of [otherCell, otherRegion, newRouterSigningKey()]) {
      expect(check(presented(signRouterCredential(key, request)))).toMatchObject({
        code: "router_credential_invalid",
      });
    }
    for (const credential of [
      "v1",
      "v1.1.2",
      "v2.1.n.sig",
      `v1.${Date.now()}.n.`,
      `v1.${Date.now()}..c2ln`,
      `v1.abc.n.c2ln`,
      `v1.${Date.now()}.n.c2ln.extra`,
      "💥".repeat(1000),
    ]) {
      expect(check({ ...request, credential })).toMatchObject({
        ok: false,
        code: "router_credential_invalid",
      });
    }
  });

  it("refuses a credential signed too long ago or too far ahead", () => {
    let now = 1_700_000_000_000;
    const check = createRouterCredentialCheck({ cellKey, maxSkewMs: 30_000, now: () => now });
    const old = signRouterCredential(cellKey, request, now - 30_001);
    const ahead = signRouterCredential(cellKey, request, now + 30_001);
    const fresh = signRouterCredential(cellKey, request, now - 29_000);
    expect(check(presented(old))).toMatchObject({ message: "the router credential has expired" });
    expect(check(presented(ahead))).toMatchObject({ message: "the router credential has expired" });
    expect(check(presented(fresh))).toEqual({ ok: true });
    // Once its time is out of the window, a replay is refused as expired, not remembered forever.
    now += 60_000;
    expect(check(presented(fresh))).toMatchObject({ message: "the router credential has expired" });
  });

  it("does not remember nonces of forgeries", () => {
    const check = createRouterCredentialCheck({ cellKey });
    const nonce = "chosen-nonce";
    const forged = signRouterCredential(newRouterSigningKey(), request, Date.now(), nonce);
    expect(check(presented(forged))).toMatchObject({ code: "router_credential_invalid" });
    const genuine = signRouterCredential(cellKey, request, Date.now(), nonce);
    expect(check(presented(genuine))).toEqual({ ok: true });
  });
});

describe("router and cell keys", () => {
  it("derive one key per cell, the same in every process, from a signing key of 32 bytes or more", () => {
    expect(deriveCellKey(signingKey, "us-east-1")).toEqual(cellKey);
    expect(deriveCellKey(signingKey, "us-east-2")).not.toEqual(cellKey);
    expect(cellKey.byteLength).toBe(32);
    expect(() => deriveCellKey(Buffer.alloc(16), "us-east-1")).toThrow(/at least 32 bytes/);
  });

  it("are written once for the region, owner-only, and each cell's file follows the region's key", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hl-router-keys-"));
    const regionFile = join(dir, "us-east-router-signing.key");
    const first = await ensureRouterSigningKey(regionFile);
    expect(await ensureRouterSigningKey(regionFile)).toEqual(first);
    expect((await stat(regionFile)).mode & 0o777).toBe(0o600);
    const cellFile = join(dir, "cells", "us-east-1.key");
    expect(await writeCellKey(cellFile, first, "us-east-1")).toBe(true);
    expect(await writeCellKey(cellFile, first, "us-east-1")).toBe(false);
    expect(readKeyFile(cellFile)).toEqual(deriveCellKey(first, "us-east-1"));
    expect((await stat(cellFile)).mode & 0o777).toBe(0o600);
    expect((await readFile(cellFile, "utf8")).trim()).toMatch(/^[0-9a-f]{64}$/);
  });
});
