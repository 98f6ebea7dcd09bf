import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { deriveCellKey, newRouterSigningKey } from "@hireloop/identity";
import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { asRouter } from "@hireloop/testkit/routed";
import { PROJECT_ID } from "@hireloop/testkit/tokens";
import { importJWK, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCell, type TestCell } from "./support/cell.ts";
import { scalar } from "./support/sql.ts";

let cell: TestCell;
let privateJwk: JWK & { kid: string };

beforeAll(async () => {
  cell = await startTestCell();
  privateJwk = JSON.parse(await readFile(join(cell.keysDir, "private.jwk.json"), "utf8"));
});
afterAll(async () => {
  await cell?.close();
});

async function forge(claims: Record<string, unknown>, options: { alg?: string } = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const key = await importJWK(privateJwk, "RS256");
  return new SignJWT({ user_id: "mallory", ...claims })
    .setProtectedHeader({ alg: options.alg ?? "RS256", kid: privateJwk.kid, typ: "JWT" })
    .setIssuer(String(claims.iss ?? `https://securetoken.google.com/${PROJECT_ID}`))
    .setAudience(String(claims.aud ?? PROJECT_ID))
    .setSubject(String(claims.sub ?? "mallory"))
    .setIssuedAt(Number(claims.iat ?? now - 10))
    .setExpirationTime(Number(claims.exp ?? now + 3600))
    .sign(key);
}

function unsigned(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: "none", typ: "JWT" })}.${encode({
    iss: `https://securetoken.google.com/${PROJECT_ID}`,
    aud: PROJECT_ID,
    sub: "mallory",
    iat: now - 10,
    exp: now + 3600,
  })}.`;
}

describe("authentication", () => {
  const cases: [string, () => Promise<string>, string][] = [
    ["an unsigned token", async () => unsigned(), "token_algorithm_not_allowed"],
    [
      "an expired token",
      () => forge({ iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }),
      "token_expired",
    ],
    ["a token for another project", () => forge({ aud: "someone-elses-project" }), "token_wrong_audience"],
    [
      "a token from another issuer",
      () => forge({ iss: "https://evil.example.com/hireloop-test" }),
      "token_wrong_issuer",
    ],
  ];
  for (const [name, make, code] of cases) {
    it(`refuses ${name} with 401 ${code}`, async () => {
      const res = await cell.request("/v1/resumes", {
        ...json({ text: textFixture("resume.txt") }),
        headers: { "content-type": "application/json", authorization: `Bearer ${await make()}` },
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code, requestId: expect.any(String) });
    });
  }

  it("refuses a request without a token", async () => {
    const res = await cell.request("/v1/resumes/00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(401);
    expect((await res.json()).code).toBe("token_missing");
  });

  it("stores nothing for a refused request", async () => {
    const count = await scalar(
      cell.deps.sql`select count(*)::int as count from resumes where tenant_id = 'mallory'`,
    );
    expect(count).toBe(0);
  });
});

describe("only the region's router reaches the cell", () => {
  const resumeBody = () => JSON.stringify({ text: textFixture("resume.txt") });

  it("refuses a caller holding a valid user token but no router credential, and stores nothing", async () => {
    const res = await cell.app.request("/v1/resumes", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${await cell.token("side-door")}`,
      },
      body: resumeBody(),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({
      code: "router_credential_missing",
      requestId: expect.any(String),
    });
    for (const path of ["/openapi.json", "/docs", "/v1/me"]) {
      expect((await cell.app.request(path)).status, path).toBe(403);
    }
    const stored = await scalar(
      cell.deps.sql`select count(*)::int as count from resumes where tenant_id = 'side-door'`,
    );
    expect(stored).toBe(0);
  });

  it("refuses a credential the router issued for another user, another request, or another cell", async () => {
    const token = `Bearer ${await cell.token("side-door")}`;
    const forOther = asRouter(cell.config.cellKey ?? fail(), "/v1/me", {
      headers: { authorization: `Bearer ${await cell.token("someone-else")}` },
    });
    const stolen = new Headers(forOther.headers);
    stolen.set("authorization", token);
    const asOther = await cell.app.request("/v1/me", { headers: stolen });
    expect(asOther.status).toBe(403);
    expect((await asOther.json()).message).toBe("the router credential was issued for another user");

    const forAnotherPath = new Headers(
      asRouter(cell.config.cellKey ?? fail(), "/v1/me", { headers: { authorization: token } }).headers,
    );
    const elsewhere = await cell.app.request("/v1/jobs", { headers: forAnotherPath });
    expect(elsewhere.status).toBe(403);
    expect((await elsewhere.json()).code).toBe("router_credential_invalid");

    const otherCellKey = deriveCellKey(newRouterSigningKey(), "us-east-1");
    const foreign = await cell.app.request(
      "/v1/me",
      asRouter(otherCellKey, "/v1/me", { headers: { authorization: token } }),
    );
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).code).toBe("router_credential_invalid");
  });

  it("refuses the router's own request replayed", async () => {
    const init = asRouter(cell.config.cellKey ?? fail(), "/v1/me", {
      headers: { authorization: `Bearer ${await cell.token("replayed")}` },
    });
    expect((await cell.app.request("/v1/me", init)).status).toBe(200);
    const again = await cell.app.request("/v1/me", init);
    expect(again.status).toBe(403);
    expect((await again.json()).message).toBe("the router credential was used before");
  });

  it("answers the routers' health check without a credential, and says nothing more there", async () => {
    const res = await cell.app.request("/healthz");
    expect(res.status).toBe(200);
    expect(Object.keys(await res.json()).sort()).toEqual(expect.arrayContaining(["cell", "status"]));
    for (const path of ["/metrics", "/readyz"]) expect((await cell.app.request(path)).status, path).toBe(403);
  });
});

function fail(): never {
  throw new Error("the test cell has no key");
}

describe("the cell's operator endpoints", () => {
  it("check the operator role themselves: a routed user without it is refused, an operator is answered", async () => {
    const plain = await cell.as("plain-pat")("/ops/v1/dead-letters");
    expect([plain.status, (await plain.json()).code]).toEqual([403, "forbidden_role"]);
    const operatorToken = await forge({ sub: "ops-ola", user_id: "ops-ola", role: "operator" });
    const operator = await cell.request("/ops/v1/dead-letters", {
      headers: { authorization: `Bearer ${operatorToken}` },
    });
    expect(operator.status).toBe(200);
    expect(await operator.json()).toMatchObject({ cell: cell.config.cellId, deadLetters: expect.any(Array) });
    const malformed = await cell.request("/ops/v1/dead-letters/not-a-uuid/replay", {
      method: "POST",
      headers: { authorization: `Bearer ${operatorToken}` },
    });
    expect([malformed.status, (await malformed.json()).code]).toEqual([404, "not_found"]);
  });
});

describe("the security table's reach", () => {
  it("covers every /v1 route the cell registers: each is an operation of the API document the table runs", async () => {
    const document = (await (await cell.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = new Set(
      Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      ),
    );
    const registered = cell.app.routes
      .filter((route) => route.path.startsWith("/v1/") && route.method !== "ALL")
      .map((route) => `${route.method} ${route.path.replace(/:([A-Za-z]+)/g, "{$1}")}`);
    expect(registered.length).toBeGreaterThan(10);
    expect(registered.filter((route) => !documented.has(route))).toEqual([]);
  });
});
