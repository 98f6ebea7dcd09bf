import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDevKeys, signDevToken } from "@hireloop/identity";
import { signedIn } from "@hireloop/testkit/client";
import { freePort } from "@hireloop/testkit/ports";
import { startRegion, type TestRegion } from "@hireloop/testkit/regions";
import { PROJECT_ID } from "@hireloop/testkit/tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRouter, type TestRouter } from "./support/router.ts";

const MAX_BODY_BYTES = 5 * 1024 * 1024 + 512 * 1024;
const USER_LIMIT = 5;
const ADDRESS_LIMIT = 4;

let region: TestRegion;
let router: TestRouter;
const run = randomBytes(4).toString("hex");

beforeAll(async () => {
  region = await startRegion(1);
  router = await startRouter([region.cells[0]?.record ?? fail()], region.jwksUrl, {
    HL_RATE_LIMIT_USER_POINTS: String(USER_LIMIT),
  });
}, 120_000);
afterAll(async () => {
  await router?.close();
  await region?.stop();
});

function fail(): never {
  throw new Error("the region has no cell");
}

const as = (uid: string) => signedIn(router.url, region.token, uid);

async function proxiedCount(target: TestRouter): Promise<number> {
  const metrics = await (await fetch(`${target.adminUrl}/metrics`)).text();
  return [...metrics.matchAll(/^hl_router_proxied_requests_total\{[^}]*\} (\d+)$/gm)].reduce(
    (sum, match) => sum + Number(match[1]),
    0,
  );
}

describe("authentication at the edge", () => {
  it("refuses a correctly signed token whose subject no store could keep: 401, not an outage", async () => {
    for (const uid of ["ali\u0000ce", "bob\ud800"]) {
      const res = await fetch(`${router.url}/v1/jobs/${randomUUID()}`, {
        headers: { authorization: `Bearer ${await region.token(uid)}` },
      });
      expect(res.status, JSON.stringify(uid)).toBe(401);
      expect((await res.json()).code).toBe("token_subject_invalid");
    }
  });

  it("refuses requests without a valid Firebase ID token before they reach a cell", async () => {
    const before = await proxiedCount(router);
    const missing = await fetch(`${router.url}/v1/resumes/${randomUUID()}`);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    expect(await missing.json()).toMatchObject({ code: "token_missing", requestId: expect.any(String) });

    const otherKeys = await generateDevKeys(await mkdtemp(join(tmpdir(), "hl-other-keys-")));
    const forged = await signDevToken({
      uid: "mallory",
      projectId: PROJECT_ID,
      privateKeyPath: otherKeys.privateKeyPath,
    });
    const signedByStranger = await fetch(`${router.url}/v1/resumes/${randomUUID()}`, {
      headers: { authorization: `Bearer ${forged}` },
    });
    expect(signedByStranger.status).toBe(401);
    expect((await signedByStranger.json()).code).toBe("token_signature_invalid");

    const garbage = await fetch(`${router.url}/v1/resumes/${randomUUID()}`, {
      headers: { authorization: "Bearer not-a-jwt" },
    });
    expect(garbage.status).toBe(401);
    expect((await garbage.json()).code).toBe("token_malformed");
    expect(await proxiedCount(router)).toBe(before);
  });

  it("lets a signed-in user through, and the cell's own port refuses any caller but the router", async () => {
    expect((await as(`alice-${run}`)(`/v1/resumes/${randomUUID()}`)).status).toBe(404);
    const cell = region.cells[0] ?? fail();
    const anonymous = await fetch(`${cell.processes.apiUrl}/v1/resumes/${randomUUID()}`);
    expect(anonymous.status).toBe(403);
    expect((await anonymous.json()).code).toBe("router_credential_missing");
    // A valid user token is not enough: writes straight to a cell would skip rate limits and placement.
    const withToken = await signedIn(
      cell.processes.apiUrl,
      region.token,
      `alice-${run}`,
    )("/v1/jobs", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Backend engineer: TypeScript, PostgreSQL and Kafka; five years." }),
    });
    expect(withToken.status).toBe(403);
    expect((await withToken.json()).code).toBe("router_credential_missing");
  });
});

describe("body size", () => {
  it("answers 413 to a declared oversize body without waiting for it", async () => {
    const token = await region.token(`big-${run}`);
    const url = new URL(`${router.url}/v1/resumes`);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            authorization: `Bearer ${token}`,
            "content-type": "application/pdf",
            "content-length": String(50 * 1024 * 1024),
          },
          timeout: 5_000,
        },
        (res) => {
          let body = "";
          res.on("data", (chunk) => {
            body += chunk;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
        },
      );
      req.on("error", reject);
      req.on("timeout", () => reject(new Error("no answer: the router waited for the body")));
      // Only the head and one small chunk of the promised 50 MB are ever sent.
      req.write(Buffer.alloc(1024));
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: "payload_too_large" });
  });

  it("answers 413 to a chunked body that grows past the limit", async () => {
    const chunk = new Uint8Array(256 * 1024);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_BODY_BYTES + chunk.byteLength * 4) return controller.close();
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const res = await as(`chunked-${run}`)("/v1/resumes", {
      method: "POST",
      headers: { "content-type": "application/pdf" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe("payload_too_large");
  });
});

describe("rate limits", () => {
  it("limits each user, with Retry-After, without touching other users", async () => {
    const greedy = as(`greedy-${run}`);
    const statuses: number[] = [];
    for (let i = 0; i < USER_LIMIT + 2; i++) statuses.push((await greedy(`/v1/jobs/${randomUUID()}`)).status);
    expect(statuses).toEqual([...Array(USER_LIMIT).fill(404), 429, 429]);
    const refused = await greedy(`/v1/jobs/${randomUUID()}`);
    expect(refused.status).toBe(429);
    expect(await refused.json()).toMatchObject({ code: "rate_limited" });
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await as(`modest-${run}`)(`/v1/jobs/${randomUUID()}`)).status).toBe(404);
    expect(await (await fetch(`${router.adminUrl}/metrics`)).text()).toMatch(
      /hl_router_rate_limited_total\{[^}]*scope="user"[^}]*\} 3/,
    );
  });

  it("budgets each user's uploads by their size, and goes on serving their reads and other users", async () => {
    const strict = await startRouter([region.cells[0]?.record ?? fail()], region.jwksUrl, {
      HL_MAX_BODY_BYTES: String(64 * 1024),
      HL_RATE_LIMIT_USER_UPLOAD_KIB: "100",
    });
    try {
      const job = JSON.stringify({ text: `Backend engineer. ${"Go and Postgres. ".repeat(3_300)}` });
      const post = (uid: string) =>
        signedIn(
          strict.url,
          region.token,
          uid,
        )("/v1/jobs", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: job,
        });
      const first = await post(`uploader-${run}`);
      expect(first.status).not.toBe(429);
      const second = await post(`uploader-${run}`);
      expect(second.status).toBe(429);
      expect(await second.json()).toMatchObject({ code: "rate_limited" });
      expect(Number(second.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(Number(second.headers.get("retry-after"))).toBeLessThanOrEqual(10);
      // Reads cost no upload budget; another user has a budget of their own.
      expect(
        (await signedIn(strict.url, region.token, `uploader-${run}`)(`/v1/jobs/${randomUUID()}`)).status,
      ).toBe(404);
      expect((await post(`other-uploader-${run}`)).status).not.toBe(429);
      expect(await (await fetch(`${strict.adminUrl}/metrics`)).text()).toMatch(
        /hl_router_rate_limited_total\{[^}]*scope="user_uploads"[^}]*\} 1/,
      );
    } finally {
      await strict.close();
    }
  });

  it("limits each client address before sign-in, and never the probes", async () => {
    const strict = await startRouter([region.cells[0]?.record ?? fail()], region.jwksUrl, {
      HL_RATE_LIMIT_ADDRESS_POINTS: String(ADDRESS_LIMIT),
    });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < ADDRESS_LIMIT + 1; i++)
        statuses.push((await fetch(`${strict.url}/v1/jobs/x`)).status);
      expect(statuses).toEqual([...Array(ADDRESS_LIMIT).fill(401), 429]);
      const docs = await fetch(`${strict.url}/openapi.json`);
      expect(docs.status).toBe(429);
      expect(docs.headers.get("retry-after")).toMatch(/^\d+$/);
      expect((await fetch(`${strict.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${strict.url}/readyz`)).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it("limits an address for signed-in callers too, whose tokens it has already verified", async () => {
    const strict = await startRouter([region.cells[0]?.record ?? fail()], region.jwksUrl, {
      HL_RATE_LIMIT_ADDRESS_POINTS: String(ADDRESS_LIMIT),
    });
    try {
      // Different users, one address: each token is verified once, then recalled from the cache.
      const statuses: number[] = [];
      for (let i = 0; i < ADDRESS_LIMIT + 1; i++) {
        const user = signedIn(strict.url, region.token, `same-address-${i % 2}-${run}`);
        statuses.push((await user(`/v1/jobs/${randomUUID()}`)).status);
      }
      expect(statuses).toEqual([...Array(ADDRESS_LIMIT).fill(404), 429]);
      expect(await (await fetch(`${strict.adminUrl}/metrics`)).text()).toMatch(
        /hl_router_rate_limited_total\{[^}]*scope="address"[^}]*\} 1/,
      );
    } finally {
      await strict.close();
    }
  });

  it("keeps serving and limiting from memory when Redis is unreachable", async () => {
    const cut = await startRouter([region.cells[0]?.record ?? fail()], region.jwksUrl, {
      HL_REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      HL_RATE_LIMIT_USER_POINTS: "3",
    });
    try {
      const user = signedIn(cut.url, region.token, `offline-${run}`);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) statuses.push((await user(`/v1/jobs/${randomUUID()}`)).status);
      expect(statuses).toEqual([404, 404, 404, 429]);
      const ready = await fetch(`${cut.adminUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: "degraded", checks: { redis: { ok: false } } });
    } finally {
      await cut.close();
    }
  });
});
