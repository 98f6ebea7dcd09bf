import { randomUUID } from "node:crypto";
import { join } from "node:path";
import { signDevToken } from "@hireloop/identity";
import { BUCKET_COUNT, cellFor } from "@hireloop/placement";
import { textFixture } from "@hireloop/testkit/fixtures";
import { startRegion, type TestRegion } from "@hireloop/testkit/regions";
import { PROJECT_ID } from "@hireloop/testkit/tokens";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRouter, type TestRouter } from "./support/router.ts";

let region: TestRegion;
let router: TestRouter;
let operatorToken: string;

beforeAll(async () => {
  region = await startRegion(2);
  router = await startRouter(
    region.cells.map((cell) => cell.record),
    region.jwksUrl,
    { HL_CELL_HEALTH_INTERVAL_MS: "200" },
  );
  operatorToken = await signDevToken({
    uid: "ops-olga",
    projectId: PROJECT_ID,
    privateKeyPath: join(region.keysDir, "private.jwk.json"),
    role: "operator",
  });
}, 180_000);
afterAll(async () => {
  await router?.close();
  await region?.stop();
});

const get = (path: string, token?: string) =>
  fetch(`${router.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

const OPS_PATHS = ["/ops/v1/cells", "/ops/v1/regions", "/ops/v1/tenants/someone"];

describe("the operator API", () => {
  it("shows an operator every cell with its state, health, buckets and tenants", async () => {
    await expect
      .poll(async () =>
        (await (await get("/ops/v1/cells", operatorToken)).json()).cells.map(
          (c: { tenants: unknown }) => typeof c.tenants,
        ),
      )
      .toEqual(["number", "number"]);
    const body = await (await get("/ops/v1/cells", operatorToken)).json();
    expect(body).toMatchObject({ region: "us-east", version: expect.any(Number) });
    expect(
      body.cells.map((cell: { id: string; state: string; health: string }) => [
        cell.id,
        cell.state,
        cell.health,
      ]),
    ).toEqual([
      ["us-east-1", "active", "up"],
      ["us-east-2", "active", "up"],
    ]);
    const buckets = body.cells.reduce((sum: number, cell: { buckets: number }) => sum + cell.buckets, 0);
    expect(buckets).toBe(BUCKET_COUNT);
  });

  it("says where a tenant lives, and refuses a malformed key", async () => {
    const table = router.placement.table();
    if (!table) throw new Error("no placement");
    const where = await (await get("/ops/v1/tenants/alice-ops", operatorToken)).json();
    expect(where).toMatchObject({
      tenant: "alice-ops",
      region: "us-east",
      cell: cellFor(table, "alice-ops"),
      pinned: false,
      home: null,
    });
    const bad = await get(`/ops/v1/tenants/${"x".repeat(129)}`, operatorToken);
    expect([bad.status, (await bad.json()).code]).toEqual([400, "invalid_request"]);
  });

  it("answers the region's own readiness when it has no peers", async () => {
    expect(await (await get("/ops/v1/regions", operatorToken)).json()).toEqual({
      region: "us-east",
      ready: true,
      peers: [],
    });
  });

  it("refuses callers without a token (401) and signed-in users without the operator role (403)", async () => {
    const userToken = await region.token("plain-paul");
    for (const path of OPS_PATHS) {
      const anonymous = await get(path);
      expect([path, anonymous.status]).toEqual([path, 401]);
      const user = await get(path, userToken);
      expect([path, user.status, (await user.json()).code]).toEqual([path, 403, "forbidden_role"]);
    }
  });

  it("is not reachable from the side: a cell refuses operator calls that did not come through its router", async () => {
    for (const cell of region.cells) {
      for (const [method, path] of [
        ["GET", "/ops/v1/dead-letters"],
        ["POST", `/ops/v1/dead-letters/${randomUUID()}/replay`],
        ["GET", "/ops/v1/cells"],
      ] as const) {
        const res = await fetch(`${cell.record.apiUrl}${path}`, {
          method,
          headers: { authorization: `Bearer ${operatorToken}` },
        });
        expect([path, res.status, (await res.json()).code]).toEqual([path, 403, "router_credential_missing"]);
      }
    }
  });
});

describe("the operator API's dead letters", () => {
  /** A tailoring that ran, then recorded as the worker records one that failed after its retries. */
  async function deadLetteredTailoring(uid: string) {
    const as = (path: string, init: RequestInit = {}) =>
      fetch(`${router.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${tokens.get(uid)}`, "content-type": "application/json" },
      });
    tokens.set(uid, await region.token(uid));
    const resume = await (
      await as("/v1/resumes", { method: "POST", body: JSON.stringify({ text: textFixture("resume.txt") }) })
    ).json();
    const job = await (
      await as("/v1/jobs", { method: "POST", body: JSON.stringify({ text: textFixture("job-backend.txt") }) })
    ).json();
    const { workflowId } = await (
      await as("/v1/tailorings", {
        method: "POST",
        body: JSON.stringify({ resumeId: resume.id, jobId: job.id }),
      })
    ).json();
    await expect
      .poll(async () => (await (await as(`/v1/workflows/${workflowId}`)).json()).status, { timeout: 60_000 })
      .toBe("succeeded");
    const table = router.placement.table();
    const cell = region.cells.find((candidate) => table && candidate.id === cellFor(table, uid));
    if (!cell) throw new Error("no cell");
    const sql = postgres(cell.databaseUrl, { max: 1, onnotice: () => {} });
    const letterId = randomUUID();
    try {
      await sql`update workflows set status = 'failed', error_code = 'render_failed' where id = ${workflowId}`;
      await sql`update workflow_steps set status = 'failed' where workflow_id = ${workflowId} and name = 'render'`;
      await sql`insert into dead_letters (id, workflow_id, tenant_id, step, error_code, error_message, attempts)
                values (${letterId}, ${workflowId}, ${uid}, 'render', 'render_failed', 'the pdf service failed', 3)`;
    } finally {
      await sql.end();
    }
    return { cell: cell.id, letterId, workflowId, as };
  }
  const tokens = new Map<string, string>();

  it("lists every cell's dead letters for an operator and replays one through its cell", async () => {
    const { cell, letterId, workflowId, as } = await deadLetteredTailoring("dora-dlq");
    const listed = await (await get("/ops/v1/dead-letters", operatorToken)).json();
    expect(listed.cells.map((entry: { cell: string; error: unknown }) => [entry.cell, entry.error])).toEqual([
      ["us-east-1", null],
      ["us-east-2", null],
    ]);
    const letters = listed.cells.find((entry: { cell: string }) => entry.cell === cell).deadLetters;
    expect(letters).toContainEqual(
      expect.objectContaining({
        id: letterId,
        workflowId,
        step: "render",
        errorCode: "render_failed",
        attempts: 3,
      }),
    );

    const replay = await fetch(`${router.url}/ops/v1/dead-letters/${cell}/${letterId}/replay`, {
      method: "POST",
      headers: { authorization: `Bearer ${operatorToken}` },
    });
    expect([replay.status, await replay.json()]).toEqual([202, { workflowId }]);
    // Queued again from the failed step (cell/test/workflows.test.ts follows a real failure to success).
    expect((await (await as(`/v1/workflows/${workflowId}`)).json()).status).not.toBe("failed");
    const after = await (await get("/ops/v1/dead-letters", operatorToken)).json();
    expect(JSON.stringify(after)).not.toContain(letterId);
    const again = await fetch(`${router.url}/ops/v1/dead-letters/${cell}/${letterId}/replay`, {
      method: "POST",
      headers: { authorization: `Bearer ${operatorToken}` },
    });
    expect([again.status, (await again.json()).code]).toEqual([404, "not_found"]);
  }, 120_000);

  it("refuses users without the role", async () => {
    const userToken = await region.token("plain-pia");
    const user = await get("/ops/v1/dead-letters", userToken);
    expect([user.status, (await user.json()).code]).toEqual([403, "forbidden_role"]);
  });
});
