import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { beforeAll, describe, expect, it } from "vitest";
import { useTestCell, waitForWorkflow } from "./cell.ts";

/** A user's requests to the test cell, sent as the region's router sends them. */
export type Caller = (path: string, init?: RequestInit) => Promise<Response>;

/** One route's request that reaches its owner's data, and what of that data no one else may see. */
export interface RouteCall {
  path: string;
  init?: RequestInit;
  /** Strings of the owner's (ids, their name) that must not appear in another user's answer. */
  secrets: string[];
}

export interface RouteSecurityCase {
  /** Makes the owner's data (through the API) and returns this route's request against it. */
  call(owner: Caller, ownerId: string): Promise<RouteCall>;
  /**
   * What another user gets for the same request: `not_found` for the owner's resource (never a
   * 403, which would say it exists), `own` for routes that answer with the caller's own data.
   */
  intruder: "not_found" | "own";
  /** Routes whose data only a workflow makes need the cell's worker. */
  worker?: boolean;
}

/**
 * The security suite every `/v1` route runs, from its own file in test/routes (the routes
 * coverage test fails for a route without one): the token, the router credential and tenant
 * isolation, each tried from the side as well as through the front door.
 */
export function describeRouteSecurity(route: string, securityCase: RouteSecurityCase): void {
  const [method = "", pattern = ""] = route.split(" ");
  const cell = useTestCell({ worker: securityCase.worker ?? false });
  let owner: RouteCall;
  beforeAll(async () => {
    const ownerId = `owner-${randomUid()}`;
    owner = await securityCase.call(cell.as(ownerId), ownerId);
  });
  const init = (extra: RequestInit = {}) => ({ ...owner.init, ...extra, method });

  describe(`${route}: the shared security suite`, () => {
    it("is a route the cell registers, and the request the suite sends is that route", () => {
      const registered = cell.app.routes.map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, "{$1}")}`);
      expect(registered).toContain(route);
      const placeholders = new RegExp(`^${pattern.replace(/\{[A-Za-z]+\}/g, "[^/]+")}(\\?.*)?$`);
      expect(owner.path).toMatch(placeholders);
    });

    it("refuses a request without a user token: 401 token_missing", async () => {
      const res = await cell.request(owner.path, init());
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ code: "token_missing", requestId: expect.any(String) });
    });

    it("refuses a caller with a valid token who did not come through the router: 403", async () => {
      const headers = new Headers(owner.init?.headers);
      headers.set("authorization", `Bearer ${await cell.token("side-door")}`);
      const res = await cell.app.request(owner.path, init({ headers }));
      expect(res.status).toBe(403);
      expect((await res.json()).code).toBe("router_credential_missing");
    });

    it(
      securityCase.intruder === "not_found"
        ? "answers another user 404 not_found for the owner's resource, with none of the owner's data"
        : "answers another user with their own data, none of the owner's",
      async () => {
        const res = await cell.as(`intruder-${randomUid()}`)(owner.path, init());
        const body = await res.text();
        if (securityCase.intruder === "not_found") {
          expect(res.status, body).toBe(404);
          expect(JSON.parse(body).code).toBe("not_found");
        } else {
          expect(res.status, body).toBeLessThan(300);
        }
        for (const secret of owner.secrets) expect(body).not.toContain(secret);
      },
    );
  });
}

const randomUid = () => Math.random().toString(36).slice(2, 10);

/** The owner's resume (Dana Whitfield's, from the fixtures); its name is a secret of every call. */
export async function ownerResume(owner: Caller): Promise<{ id: string; secrets: string[] }> {
  const res = await owner("/v1/resumes", json({ text: textFixture("resume.txt") }));
  expect(res.status).toBe(201);
  const { id } = await res.json();
  return { id, secrets: [id, "Dana"] };
}

export async function ownerJob(owner: Caller): Promise<{ id: string; secrets: string[] }> {
  const res = await owner("/v1/jobs", json({ text: textFixture("job-backend.txt") }));
  expect(res.status).toBe(201);
  const { id } = await res.json();
  return { id, secrets: [id] };
}

const workflowStarters = {
  roast: (owner: Caller, resumeId: string) =>
    owner("/v1/roasts", json({ resumeId, style: "honest", mode: "rules" })),
  discovery: (owner: Caller, resumeId: string) =>
    owner("/v1/discoveries", json({ query: "backend engineer", resumeId })),
  tailoring: async (owner: Caller, resumeId: string) => {
    const job = await ownerJob(owner);
    return owner("/v1/tailorings", json({ resumeId, jobId: job.id, format: "pdf" }));
  },
};

/** A workflow of the owner's that ran to the end, with what it made (`resultId`). */
export async function ownerWorkflow(
  owner: Caller,
  kind: keyof typeof workflowStarters,
): Promise<{ workflowId: string; resultId: string; secrets: string[] }> {
  const resume = await ownerResume(owner);
  const res = await workflowStarters[kind](owner, resume.id);
  expect(res.status).toBe(202);
  const { workflowId } = await res.json();
  const done = await waitForWorkflow(owner, workflowId);
  expect(done.status).toBe("succeeded");
  const resultId = done.resultId ?? "";
  return { workflowId, resultId, secrets: [...resume.secrets, workflowId, resultId] };
}
