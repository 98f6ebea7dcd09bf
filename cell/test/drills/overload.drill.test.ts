import { endpointSlos } from "@hireloop/observability/slo";
import { json } from "@hireloop/testkit/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resumeAndJob } from "../support/requests.ts";
import { type RoutedCell, runDrillProcess, startRoutedCell, until, waitAll } from "./support.ts";

/**
 * Work arrives faster than the cell's workers finish it: callers start tailorings (each renders a
 * PDF through the region's pdf service) back to back for FLOOD_SECONDS, while another user reads.
 * The cell must refuse what it cannot take (503 overloaded with Retry-After, nothing else), lose
 * none of what it accepted, keep reads within their SLO, and take work again by itself once its
 * queue drains (docs/adr/0041-backpressure-at-the-cell-door.md).
 */
const FLOOD_SECONDS = 15;
const SENDERS = 8;
/** Low enough that a 2-core machine passes it within a second or two of the flood. */
const QUEUE_DEPTH = 12;
const READS = 400;
const readsSlo = endpointSlos.find((slo) => slo.group === "reads");

let world: RoutedCell;

beforeAll(async () => {
  world = await startRoutedCell({
    HL_ADMISSION_QUEUE_DEPTH: String(QUEUE_DEPTH),
    HL_ADMISSION_REFRESH_MS: "200",
    HL_ADMISSION_RETRY_AFTER_SECONDS: "1",
  });
});
afterAll(async () => {
  await world?.stop();
});

/** One caller starting tailorings back to back until `until`; what the cell answered. */
async function flood(uid: string, until: number) {
  const request = world.as(uid);
  const { resume, job } = await resumeAndJob(request);
  const accepted: string[] = [];
  const refusals: { status: number; code: string; retryAfter: string | null }[] = [];
  while (Date.now() < until) {
    const answer = await request(
      "/v1/tailorings",
      json({ resumeId: resume.id, jobId: job.id, format: "pdf" }),
    );
    if (answer.status === 202) accepted.push((await answer.json()).workflowId);
    else
      refusals.push({
        status: answer.status,
        code: (await answer.json()).code,
        retryAfter: answer.headers.get("retry-after"),
      });
  }
  return { request, accepted, refusals };
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.ceil((p / 100) * values.length) - 1] ?? Number.NaN;

describe("overload: more work than the cell's workers can take", () => {
  it("is refused at the door while reads stay within their SLO; nothing accepted is lost; the cell recovers by itself", async () => {
    if (!readsSlo) throw new Error("the SLOs name no reads group");
    const reader = world.as("steady-reader");
    await resumeAndJob(reader);
    const floodEnds = Date.now() + FLOOD_SECONDS * 1000;
    const [senders, reads] = await Promise.all([
      Promise.all(Array.from({ length: SENDERS }, (_, i) => flood(`flood-${i}`, floodEnds))),
      runDrillProcess<{ latencies: number[]; statuses: number[] }>("./timed-reader.ts", {
        HL_ROUTER_URL: world.routerUrl,
        HL_TOKEN: await world.token("steady-reader"),
        HL_PATH: "/v1/resumes?limit=5",
        HL_READS: String(READS),
      }),
    ]);

    const refusals = senders.flatMap((sender) => sender.refusals);
    const accepted = senders.reduce((total, sender) => total + sender.accepted.length, 0);
    console.log(
      `overload drill: ${accepted} tailorings accepted, ${refusals.length} refused; reads p95 ${percentile(reads.latencies, 95).toFixed(1)} ms, p99 ${percentile(reads.latencies, 99).toFixed(1)} ms (SLO p95 ${readsSlo.latencyMs.p95} ms)`,
    );
    expect(refusals.length).toBeGreaterThan(0);
    expect(
      refusals.filter((r) => r.status !== 503 || r.code !== "overloaded" || r.retryAfter !== "1"),
    ).toEqual([]);
    expect(new Set(reads.statuses)).toEqual(new Set([200]));
    expect(percentile(reads.latencies, 95)).toBeLessThan(readsSlo.latencyMs.p95);

    // Everything accepted before and during the overload finishes.
    for (const sender of senders) {
      const outcomes = await waitAll(sender.request, sender.accepted, 240_000);
      expect(outcomes.filter((status) => status !== "succeeded")).toEqual([]);
    }
    // With the queue drained, new work is taken again without anyone's help.
    const [again] = senders;
    if (!again) throw new Error("no sender");
    const { resume, job } = await resumeAndJob(again.request);
    await until(
      async () =>
        (await again.request("/v1/tailorings", json({ resumeId: resume.id, jobId: job.id, format: "pdf" })))
          .status === 202,
      30_000,
      () => "new tailorings still refused",
    );
    const metrics = await (await fetch(`${world.cell.adminUrl}/metrics`)).text();
    expect(metrics).toMatch(/hl_requests_shed_total\{[^}]*reason="queue_depth"[^}]*tier="free"[^}]*\} [1-9]/);
  });
});
