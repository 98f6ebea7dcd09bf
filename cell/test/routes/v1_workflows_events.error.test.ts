import { eventReader, json } from "@hireloop/testkit/client";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";
import { resumeAndJob } from "../support/requests.ts";

/** No worker: workflows stay queued, so their streams stay open until a limit closes them. */
const cell = useTestCell({
  worker: false,
  config: { streams: { perUser: 2, perCell: 3, idleSeconds: 2, maxSeconds: 600 } },
});

async function queuedWorkflow(uid: string): Promise<string> {
  const request = cell.as(uid);
  const { resume, job } = await resumeAndJob(request);
  const res = await request("/v1/tailorings", json({ resumeId: resume.id, jobId: job.id }));
  return (await res.json()).workflowId;
}

/** A stream as a client holds it; close() is the client going away (the body cancelled). */
async function openStream(uid: string, workflowId: string) {
  const res = await cell.as(uid)(`/v1/workflows/${workflowId}/events`);
  return { res, close: () => res.body?.cancel() };
}

describe("workflow event streams", () => {
  it("are limited per user (429 too_many_streams) and per cell (503 stream_capacity), and a closed one frees its place", async () => {
    const mine = await queuedWorkflow("streamer");
    const first = await openStream("streamer", mine);
    const second = await openStream("streamer", mine);
    expect([first.res.status, second.res.status]).toEqual([200, 200]);
    const third = await openStream("streamer", mine);
    expect(third.res.status).toBe(429);
    expect(third.res.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await third.res.json()).code).toBe("too_many_streams");

    const theirs = await queuedWorkflow("neighbour");
    const neighbours = await openStream("neighbour", theirs);
    expect(neighbours.res.status).toBe(200);
    const overCell = await openStream("neighbour", theirs);
    expect(overCell.res.status).toBe(503);
    expect((await overCell.res.json()).code).toBe("stream_capacity");

    first.close();
    await expect
      .poll(async () => {
        const again = await openStream("streamer", mine);
        again.close();
        return again.res.status;
      })
      .toBe(200);
    second.close();
    neighbours.close();
  });

  it("close a stream on which nothing changed for a while, saying why", async () => {
    const id = await queuedWorkflow("idler");
    const { res } = await openStream("idler", id);
    expect(res.status).toBe(200);
    const reader = eventReader(res.body as ReadableStream<Uint8Array>);
    expect((await reader.next())?.event).toBe("progress");
    const closing = await reader.next();
    expect(closing).toEqual({ event: "close", data: JSON.stringify({ reason: "idle" }) });
    expect(await reader.next()).toBeNull();
  });
});
