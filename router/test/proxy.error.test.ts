import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDevKeys, signDevToken } from "@hireloop/identity";
import { createLogger } from "@hireloop/observability";
import type { CellRecord } from "@hireloop/placement";
import { signedIn } from "@hireloop/testkit/client";
import { freePort } from "@hireloop/testkit/ports";
import { PROJECT_ID } from "@hireloop/testkit/tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCellHealthMonitor } from "../src/cells/health-monitor.ts";
import { createRouterMetrics } from "../src/metrics.ts";

import { type EchoCell, startEchoCell } from "./support/echo-cell.ts";
import { fixedPlacement, startRouter } from "./support/router.ts";

let jwksUrl: string;
let token: (uid: string) => Promise<string>;
const echoCells: EchoCell[] = [];

beforeAll(async () => {
  const keys = await generateDevKeys(await mkdtemp(join(tmpdir(), "hl-proxy-error-keys-")));
  jwksUrl = `file://${keys.jwksPath}`;
  token = (uid) => signDevToken({ uid, projectId: PROJECT_ID, privateKeyPath: keys.privateKeyPath });
});
afterAll(async () => {
  await Promise.all(echoCells.map((cell) => cell.close()));
});

async function echoCell(id: string): Promise<EchoCell> {
  const cell = await startEchoCell(id);
  echoCells.push(cell);
  return cell;
}

async function until(condition: () => boolean, timeoutMs = 3_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("a cell that fails mid-request", () => {
  it("answers 504 cell_timeout when the cell sends no response head in time", async () => {
    const cell = await echoCell("us-east-1");
    const router = await startRouter([cell.record], jwksUrl, { HL_HEADERS_TIMEOUT_MS: "300" });
    try {
      const started = performance.now();
      const res = await signedIn(router.url, token, "slow")("/v1/silent");
      expect(res.status).toBe(504);
      expect((await res.json()).code).toBe("cell_timeout");
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      await router.close();
    }
  });

  it("cuts a response body that stalls longer than the idle timeout", async () => {
    const cell = await echoCell("us-east-1");
    const router = await startRouter([cell.record], jwksUrl, { HL_BODY_IDLE_TIMEOUT_MS: "300" });
    try {
      const res = await signedIn(router.url, token, "stalled")("/v1/stall");
      expect(res.status).toBe(200);
      await expect(res.arrayBuffer()).rejects.toThrow();
    } finally {
      await router.close();
    }
  });

  it("answers 503 cell_unavailable with Retry-After when the cell cannot be reached", async () => {
    const nowhere: CellRecord = {
      id: "us-east-9",
      region: "us-east",
      state: "active",
      apiUrl: `http://127.0.0.1:${await freePort()}`,
      weight: 1,
    };
    const router = await startRouter([nowhere], jwksUrl, { HL_CELL_RETRY_AFTER_SECONDS: "7" });
    try {
      const res = await signedIn(router.url, token, "stranded")("/v1/echo");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("7");
      expect(await res.json()).toMatchObject({ code: "cell_unavailable", requestId: expect.any(String) });
    } finally {
      await router.close();
    }
  });

  it("answers 413 itself when a chunked body passes the limit, even if the cell would take it", async () => {
    const cell = await echoCell("us-east-1");
    const router = await startRouter([cell.record], jwksUrl, { HL_MAX_BODY_BYTES: String(1024 * 1024) });
    try {
      const chunk = new Uint8Array(64 * 1024);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 4 * 1024 * 1024) return controller.close();
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const res = await signedIn(
        router.url,
        token,
        "hoarder",
      )("/v1/echo", {
        method: "POST",
        body,
        duplex: "half",
      } as RequestInit);
      expect(res.status).toBe(413);
      expect((await res.json()).code).toBe("payload_too_large");
    } finally {
      await router.close();
    }
  });
});

describe("cell health checks", () => {
  it("marks a cell down after two failed checks and up again after one success", async () => {
    const cell = await echoCell("us-east-1");
    const metrics = createRouterMetrics({ region: "us-east", router: "test" });
    const health = startCellHealthMonitor({
      placement: fixedPlacement([cell.record]),
      intervalMs: 200,
      // Generous, so a busy test machine cannot turn a slow answer into an extra failure.
      timeoutMs: 1_000,
      failuresToDown: 2,
      logger: createLogger({ service: "test", level: "silent" }),
      metrics,
    });
    try {
      await until(() => cell.healthChecks >= 1);
      cell.health = "failing";
      const failingFrom = cell.healthChecks;
      await until(() => cell.healthChecks === failingFrom + 1);
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(health.isUp("us-east-1")).toBe(true);
      await until(() => !health.isUp("us-east-1"));
      expect(cell.healthChecks - failingFrom).toBe(2);
      expect(health.upCells()).toEqual([]);
      expect(await metrics.registry.getSingleMetricAsString("hl_router_cell_up")).toMatch(
        /cell="us-east-1"[^}]*\} 0/,
      );

      cell.health = "ok";
      const healthyFrom = cell.healthChecks;
      await until(() => health.isUp("us-east-1"));
      expect(cell.healthChecks - healthyFrom).toBe(1);
      expect(await metrics.registry.getSingleMetricAsString("hl_router_cell_up")).toMatch(
        /cell="us-east-1"[^}]*\} 1/,
      );
    } finally {
      await health.stop();
    }
  });

  it("takes a cell down when its address answers as another cell, and never proxies there", async () => {
    const impostor = await echoCell("us-east-2");
    const router = await startRouter([{ ...impostor.record, id: "us-east-1" }], jwksUrl, {
      HL_CELL_HEALTH_INTERVAL_MS: "100",
    });
    try {
      await until(() => !router.deps.health.isUp("us-east-1"));
      const res = await signedIn(router.url, token, "victim")("/v1/echo");
      expect(res.status).toBe(503);
      expect(res.headers.get("x-hl-cell")).toBeNull();
      expect((await res.json()).code).toBe("cell_unavailable");
      const docs = await fetch(`${router.url}/openapi.json`);
      expect(docs.status).toBe(503);
    } finally {
      await router.close();
    }
  });
});
