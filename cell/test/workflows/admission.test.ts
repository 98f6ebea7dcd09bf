import { join } from "node:path";
import { signDevToken } from "@hireloop/identity";
import { json } from "@hireloop/testkit/client";
import { PROJECT_ID } from "@hireloop/testkit/tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker } from "../../src/worker.ts";
import { startTestCell, type TestCell, waitForWorkflow } from "../support/cell.ts";
import { newResume } from "../support/requests.ts";

// Free callers are refused from floor(5 × 0.6) = 3 waiting steps on, paid callers from 5.
const limits = { queueDepth: 5, freeShare: 0.6, retryAfterSeconds: 7, refreshMs: 100 };
let cell: TestCell;

beforeAll(async () => {
  // No worker at first: every accepted workflow's first step waits in the queue.
  cell = await startTestCell({ worker: false, config: { admission: limits } });
}, 60_000);

afterAll(async () => {
  await cell?.close();
});

function premiumCaller(uid: string) {
  return async (path: string, init: RequestInit = {}) => {
    const token = await signDevToken({
      uid,
      projectId: PROJECT_ID,
      privateKeyPath: join(cell.keysDir, "private.jwk.json"),
      tier: "premium",
    });
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${token}`);
    return cell.request(path, { ...init, headers });
  };
}

const roast = (resumeId: string, key: string): RequestInit => {
  const init = json({ resumeId, style: "honest", mode: "rules" });
  return { ...init, headers: { ...(init.headers as Record<string, string>), "idempotency-key": key } };
};

/** Waits until the cell's admission has read a queue depth of at least `depth`. */
async function depthReaches(depth: number) {
  await expect
    .poll(async () => Number((await cell.deps.metrics.queueDepth.get()).values[0]?.value ?? 0))
    .toBeGreaterThanOrEqual(depth);
}

describe("backpressure: new workflows while the step queue is deeper than the cell takes", () => {
  it("refuses free callers first and paid callers last, answers repeats and reads, and takes work again once the queue drains", async () => {
    const free = cell.as("ada-free");
    const premium = premiumCaller("bo-premium");
    const freeResume = await newResume(free, "Ada Free");
    const premiumResume = await newResume(premium, "Bo Premium");

    const accepted: string[] = [];
    for (let i = 0; i < 3; i++) {
      const answer = await free("/v1/roasts", roast(freeResume.id, `free-${i}`));
      expect(answer.status).toBe(202);
      accepted.push((await answer.json()).workflowId);
    }
    await depthReaches(3);

    const refused = await free("/v1/roasts", roast(freeResume.id, "free-3"));
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("7");
    expect(await refused.json()).toMatchObject({ code: "overloaded", details: { queueDepth: 3 } });

    // The same request as an accepted one is answered with its workflow, however full the queue.
    const repeated = await free("/v1/roasts", roast(freeResume.id, "free-0"));
    expect(repeated.status).toBe(202);
    expect((await repeated.json()).workflowId).toBe(accepted[0]);
    // Reads go on.
    expect((await free(`/v1/workflows/${accepted[0]}`)).status).toBe(200);
    expect((await free("/v1/resumes")).status).toBe(200);

    // A paid caller still gets in, up to the whole limit.
    for (let i = 0; i < 2; i++) {
      const answer = await premium("/v1/roasts", roast(premiumResume.id, `premium-${i}`));
      expect(answer.status).toBe(202);
      accepted.push((await answer.json()).workflowId);
    }
    await depthReaches(5);
    const premiumRefused = await premium("/v1/roasts", roast(premiumResume.id, "premium-2"));
    expect(premiumRefused.status).toBe(503);
    expect((await premiumRefused.json()).code).toBe("overloaded");

    const metrics = await (await cell.admin.request("/metrics")).text();
    expect(metrics).toMatch(/hl_requests_shed_total\{[^}]*reason="queue_depth"[^}]*tier="free"[^}]*\} 1/);
    expect(metrics).toMatch(/hl_requests_shed_total\{[^}]*reason="queue_depth"[^}]*tier="premium"[^}]*\} 1/);

    // Workers come back: everything accepted finishes, and new work is taken again by itself.
    const worker = await startWorker(cell.deps);
    try {
      for (const id of accepted) {
        const owner = accepted.indexOf(id) < 3 ? free : premium;
        expect((await waitForWorkflow(owner, id)).status).toBe("succeeded");
      }
      await expect
        .poll(async () => (await free("/v1/roasts", roast(freeResume.id, "free-after"))).status, {
          timeout: 10_000,
        })
        .toBe(202);
    } finally {
      await worker.stop();
    }
  }, 120_000);
});
