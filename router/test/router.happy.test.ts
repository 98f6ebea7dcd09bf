import { randomBytes, randomUUID } from "node:crypto";
import { cellFor } from "@hireloop/placement";
import { extractResumeText } from "@hireloop/resume-core/documents";
import { client } from "@hireloop/testkit/cell-processes";
import { eventReader, json, settledWithin, signedIn } from "@hireloop/testkit/client";
import { resumeFile, textFixture, upload } from "@hireloop/testkit/fixtures";
import { type RunningCell, startRegion, type TestRegion } from "@hireloop/testkit/regions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRouter, type TestRouter } from "./support/router.ts";

const BODY_IDLE_TIMEOUT_MS = 1_500;

let region: TestRegion;
let router: TestRouter;
const run = randomBytes(4).toString("hex");

beforeAll(async () => {
  region = await startRegion(3);
  // A short body idle timeout: event streams must outlive it, downloads must not trip it.
  router = await startRouter(
    region.cells.map((cell) => cell.record),
    region.jwksUrl,
    { HL_BODY_IDLE_TIMEOUT_MS: String(BODY_IDLE_TIMEOUT_MS) },
  );
}, 180_000);
afterAll(async () => {
  await router?.close();
  await region?.stop();
});

const as = (uid: string) => signedIn(router.url, region.token, uid);
/** Straight to a cell, as its router would send it (with the router credential). */
const direct = (cell: RunningCell, uid: string) => client(cell.processes, uid);

function homeCell(uid: string): RunningCell {
  const table = router.placement.table();
  if (!table) throw new Error("no placement");
  const id = cellFor(table, uid);
  const cell = region.cells.find((candidate) => candidate.id === id);
  if (!cell) throw new Error(`placement names ${id}, which is not running`);
  return cell;
}

describe("placement through the router", () => {
  it("sends each user to the cell the placement names, every time, and users spread over all cells", async () => {
    const users = Array.from({ length: 30 }, (_, i) => `spread-${run}-${i}`);
    const landed = new Map<string, string[]>();
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        users.map(async (uid) => {
          const res = await as(uid)(`/v1/resumes/${randomUUID()}`);
          expect(res.status).toBe(404);
          landed.set(uid, [...(landed.get(uid) ?? []), res.headers.get("x-hl-cell") ?? "none"]);
        }),
      );
    }
    for (const uid of users)
      expect(landed.get(uid)).toEqual([homeCell(uid).id, homeCell(uid).id, homeCell(uid).id]);
    const cellsUsed = new Set([...landed.values()].map((cells) => cells[0]));
    expect([...cellsUsed].sort()).toEqual(["us-east-1", "us-east-2", "us-east-3"]);
  });

  it("keeps a user's data in their cell only", async () => {
    const uid = `owner-${run}`;
    const created = await as(uid)("/v1/jobs", json({ text: textFixture("job-backend.txt") }));
    expect(created.status).toBe(201);
    const job = await created.json();
    const home = homeCell(uid);
    expect(created.headers.get("x-hl-cell")).toBe(home.id);
    expect((await direct(home, uid)(`/v1/jobs/${job.id}`)).status).toBe(200);
    for (const other of region.cells.filter((cell) => cell !== home)) {
      expect((await direct(other, uid)(`/v1/jobs/${job.id}`)).status).toBe(404);
    }
    expect(await (await as(uid)(`/v1/jobs/${job.id}`)).json()).toEqual(job);
  });
});

describe("streaming through the router", () => {
  it("streams a multipart PDF upload to the user's cell", async () => {
    const uid = `uploader-${run}`;
    const res = await as(uid)(
      "/v1/resumes",
      upload(resumeFile("software-engineer.pdf"), "cv.pdf", "application/pdf"),
    );
    expect(res.status).toBe(201);
    expect(res.headers.get("x-hl-cell")).toBe(homeCell(uid).id);
    const resume = await res.json();
    expect(resume.kind).toBe("pdf");
    expect(resume.sections.experience.length).toBeGreaterThan(0);
    expect(await (await direct(homeCell(uid), uid)(`/v1/resumes/${resume.id}`)).json()).toEqual(resume);
  });

  it("delivers workflow events one by one as they happen, then the document download", async () => {
    const uid = `streamer-${run}`;
    const home = homeCell(uid);
    const user = as(uid);
    const resume = await (await user("/v1/resumes", json({ text: textFixture("resume.txt") }))).json();
    const job = await (await user("/v1/jobs", json({ text: textFixture("job-backend.txt") }))).json();

    // With the cell's worker stopped the workflow waits, so the stream has a first event and no end.
    await home.processes.kill("worker");
    let workerRestarted = false;
    try {
      const started = await user(
        "/v1/tailorings",
        json({ resumeId: resume.id, jobId: job.id, format: "pdf" }),
      );
      expect(started.status).toBe(202);
      const { workflowId } = await started.json();
      const stream = await user(`/v1/workflows/${workflowId}/events`, {
        signal: AbortSignal.timeout(90_000),
      });
      expect(stream.status).toBe(200);
      expect(stream.headers.get("content-type")).toMatch(/^text\/event-stream/);
      expect(stream.headers.get("x-hl-cell")).toBe(home.id);
      const events = eventReader(stream.body as ReadableStream<Uint8Array>);

      const first = await events.next();
      expect(first?.event).toBe("progress");
      expect(JSON.parse(first?.data ?? "{}").status).not.toBe("succeeded");
      // Nothing more comes while the workflow waits, for longer than the body idle timeout…
      const waiting = events.next();
      expect(await settledWithin(waiting, BODY_IDLE_TIMEOUT_MS + 1_000)).toBe("pending");

      // …and the stream, still open, carries the rest once the worker runs it.
      await home.processes.start("worker");
      workerRestarted = true;
      const received = [first];
      for (let event = await waiting; event; event = await events.next()) received.push(event);
      const progress = received
        .filter((event) => event?.event === "progress")
        .map((event) => JSON.parse(event?.data ?? "{}"));
      expect(progress.length).toBeGreaterThan(1);
      expect(progress.at(-1).status).toBe("succeeded");
      expect(received.at(-1)).toEqual({ event: "end", data: JSON.stringify({ status: "succeeded" }) });

      const viaRouter = await user(`/v1/tailorings/${progress.at(-1).tailoringId}/document`);
      expect(viaRouter.status).toBe(200);
      expect(viaRouter.headers.get("content-type")).toBe("application/pdf");
      expect(viaRouter.headers.get("content-disposition")).toMatch(/^attachment; filename=/);
      const bytes = new Uint8Array(await viaRouter.arrayBuffer());
      expect(Number(viaRouter.headers.get("content-length"))).toBe(bytes.byteLength);
      const fromCell = await direct(home, uid)(`/v1/tailorings/${progress.at(-1).tailoringId}/document`);
      expect(Buffer.from(bytes).equals(Buffer.from(await fromCell.arrayBuffer()))).toBe(true);
      expect((await extractResumeText(bytes)).text).toContain("Dana Whitfield");
    } finally {
      if (!workerRestarted) await home.processes.start("worker");
    }
  }, 120_000);
});

describe("the router's own surface", () => {
  it("serves the OpenAPI document and docs page from a cell without sign-in", async () => {
    const spec = await fetch(`${router.url}/openapi.json`);
    expect(spec.status).toBe(200);
    expect(spec.headers.get("x-hl-cell")).toMatch(/^us-east-\d$/);
    expect(Object.keys((await spec.json()).paths)).toEqual(
      expect.arrayContaining(["/v1/resumes", "/v1/tailorings"]),
    );
    const docs = await fetch(`${router.url}/docs`);
    expect(await docs.text()).toContain("/docs/assets/start.js");
    const bundle = await fetch(`${router.url}/docs/assets/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
  });

  it("passes the caller's request id to the cell and back, or makes one", async () => {
    const given = await as(`ids-${run}`)(`/v1/jobs/${randomUUID()}`, {
      headers: { "x-request-id": `req-${run}` },
    });
    expect(given.headers.get("x-request-id")).toBe(`req-${run}`);
    expect((await given.json()).requestId).toBe(`req-${run}`);
    const made = await as(`ids-${run}`)(`/v1/jobs/${randomUUID()}`);
    const id = made.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await made.json()).requestId).toBe(id);
  });

  it("is ready with its placement loaded and every cell up, and counts what it proxied", async () => {
    const ready = await fetch(`${router.adminUrl}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: "ready",
      checks: { placement: { ok: true, cells: 3 }, redis: { ok: true } },
      cells: { "us-east-1": "up", "us-east-2": "up", "us-east-3": "up" },
    });
    expect((await fetch(`${router.url}/healthz`)).status).toBe(200);
    const metrics = await (await fetch(`${router.adminUrl}/metrics`)).text();
    for (const cell of ["us-east-1", "us-east-2", "us-east-3"]) {
      expect(metrics).toMatch(
        new RegExp(`hl_router_proxied_requests_total\\{[^}]*cell="${cell}",status="404"[^}]*\\} [1-9]`),
      );
      expect(metrics).toMatch(new RegExp(`hl_router_cell_up\\{[^}]*cell="${cell}"[^}]*\\} 1`));
    }
    expect(metrics).toMatch(
      /hl_router_request_duration_seconds_bucket\{[^}]*route="\/v1\/\*"[^}]*status="201"/,
    );
    // Requests carry their SLO endpoint group (docs/slo.md): a job read is a read, a probe is in none.
    expect(metrics).toMatch(
      /hl_router_request_duration_seconds_count\{(?=[^}]*route="\/v1\/\*")(?=[^}]*status="404")(?=[^}]*group="reads")[^}]*\} [1-9]/,
    );
    expect(metrics).toMatch(
      /hl_router_request_duration_seconds_count\{(?=[^}]*route="\/healthz")(?=[^}]*group="other")[^}]*\} [1-9]/,
    );
  });
});
