import { randomBytes } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDevKeys, signDevToken } from "@hireloop/identity";
import {
  buildTable,
  cellFor,
  createPlacementStore,
  type PlacementStore,
  waitForRouters,
} from "@hireloop/placement";
import { eventReader, signedIn } from "@hireloop/testkit/client";
import { createControlPlaneDatabase } from "@hireloop/testkit/control-plane";
import { freePort } from "@hireloop/testkit/ports";
import { type RouterProcess, startRouterProcess } from "@hireloop/testkit/router-process";
import { PROJECT_ID } from "@hireloop/testkit/tokens";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EchoCell, startEchoCell } from "./support/echo-cell.ts";

let controlPlane: Awaited<ReturnType<typeof createControlPlaneDatabase>>;
let store: PlacementStore;
let cells: EchoCell[];
let routers: RouterProcess[];
let token: (uid: string) => Promise<string>;
let jwksPath: string;
const run = randomBytes(4).toString("hex");
const users = Array.from({ length: 20 }, (_, i) => `proc-${run}-${i}`);

beforeAll(async () => {
  controlPlane = await createControlPlaneDatabase();
  store = createPlacementStore(controlPlane.sql);
  cells = [await startEchoCell("us-east-1"), await startEchoCell("us-east-2")];
  for (const cell of cells) await store.upsertCell(cell.record);
  await store.saveTable(buildTable({ region: "us-east", cells: cells.map((cell) => cell.record) }));
  const keys = await generateDevKeys(await mkdtemp(join(tmpdir(), "hl-router-proc-keys-")));
  token = (uid) => signDevToken({ uid, projectId: PROJECT_ID, privateKeyPath: keys.privateKeyPath });
  jwksPath = keys.jwksPath;
  const env = (id: string) => ({
    HL_ROUTER_ID: id,
    HL_CONTROL_DATABASE_URL: controlPlane.url,
    HL_AUTH_JWKS_URL: `file://${keys.jwksPath}`,
    HL_PLACEMENT_REFRESH_MS: "500",
  });
  routers = await Promise.all([startRouterProcess(env("router-a")), startRouterProcess(env("router-b"))]);
}, 120_000);
afterAll(async () => {
  await Promise.all((routers ?? []).map((router) => router.stop("SIGKILL")));
  await Promise.all((cells ?? []).map((cell) => cell.close()));
  await controlPlane?.drop();
});

/** Where each router sends each user, as x-hl-cell says. */
async function landings(): Promise<string[][]> {
  return Promise.all(
    routers.map((router) =>
      Promise.all(
        users.map(async (uid) => {
          const res = await signedIn(router.url, token, uid)("/v1/echo");
          expect(res.status).toBe(200);
          return res.headers.get("x-hl-cell") ?? "none";
        }),
      ),
    ),
  );
}

async function convergedOn(expected: string[], timeoutMs = 5_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const seen = await landings();
    if (seen.every((perRouter) => JSON.stringify(perRouter) === JSON.stringify(expected))) {
      return Date.now() - started;
    }
    if (Date.now() - started > timeoutMs) expect(seen).toEqual([expected, expected]);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("router processes on the control plane's placement", () => {
  it("both replicas route every user by the stored table, and converge on a new version within seconds", async () => {
    const first = await store.currentTable("us-east");
    if (!first) throw new Error("no table");
    await convergedOn(users.map((uid) => cellFor(first, uid)));
    expect(new Set(users.map((uid) => cellFor(first, uid))).size).toBe(2);

    // Draining us-east-2 moves all its buckets to us-east-1 in version 2.
    const drained = await store.setCellState("us-east", "us-east-2", "draining");
    const second = buildTable({
      region: "us-east",
      cells: [cells[0]?.record ?? drained, drained],
      previous: first,
    });
    await store.saveTable(second);
    expect(await convergedOn(users.map(() => "us-east-1"))).toBeLessThan(3_000);

    // An override pins one tenant back onto the draining cell (it still serves its tenants).
    const pinned = users[0] as string;
    await store.setOverride({ region: "us-east", tenantKey: pinned, cellId: "us-east-2", reason: "pinned" });
    expect(await convergedOn(users.map((uid) => (uid === pinned ? "us-east-2" : "us-east-1")))).toBeLessThan(
      3_000,
    );
  });

  it("reports what each replica serves, so a change is known to be in force the moment the wait returns", async () => {
    const moved = users[1] as string;
    await store.setOverride({ region: "us-east", tenantKey: moved, cellId: "us-east-2", reason: "moved" });
    const { routers: live } = await waitForRouters(store, "us-east", { timeoutMs: 5_000 });
    expect(live).toBe(2);
    // No polling here: once the wait returned, both replicas already route by the new override.
    const seen = await landings();
    for (const perRouter of seen) expect(perRouter[users.indexOf(moved)]).toBe("us-east-2");
    await store.removeOverride("us-east", moved);
  });

  it("finishes open streams on SIGTERM, then exits cleanly", async () => {
    const router = routers[0] as RouterProcess;
    const uid = users[1] as string;
    const res = await signedIn(router.url, token, uid)("/v1/stream");
    const events = eventReader(res.body as ReadableStream<Uint8Array>);
    expect(await events.next()).toEqual({ event: "first", data: "1" });
    const exit = router.stop("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const cell of cells) cell.releaseStream();
    expect(await events.next()).toEqual({ event: "second", data: "2" });
    expect(await events.next()).toBeNull();
    expect(await exit).toBe(0);
  });

  it("serves and shuts down cleanly while its region's Kafka and its peer region are both unreachable", async () => {
    const dir = await mkdtemp(join(tmpdir(), "hl-router-alone-"));
    await writeFile(join(dir, "peer-secret"), randomBytes(32).toString("hex"));
    const [closedKafka, closedPeer] = [await freePort(), await freePort()];
    const router = await startRouterProcess({
      HL_ROUTER_ID: "router-cut-off",
      HL_CONTROL_DATABASE_URL: controlPlane.url,
      HL_AUTH_JWKS_URL: `file://${jwksPath}`,
      HL_PEER_REGIONS: `eu-central=http://127.0.0.1:${closedPeer}`,
      HL_PEER_SECRET_FILE: join(dir, "peer-secret"),
      HL_KAFKA_BROKERS: `127.0.0.1:${closedKafka}`,
    });
    try {
      // A newcomer is homed here (the peer cannot be asked) and served by a cell of this region.
      const res = await signedIn(router.url, token, `cut-off-${run}`)("/v1/echo");
      expect(res.status).toBe(200);
      expect(res.headers.get("x-hl-cell")).toMatch(/^us-east-/);
      expect(res.headers.get("x-hl-entry-region")).toBeNull();
      await res.body?.cancel();
    } finally {
      const started = Date.now();
      expect(await router.stop("SIGTERM")).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
    }
  });
});
