import { extractResumeText } from "@hireloop/resume-core/documents";
import { json } from "@hireloop/testkit/client";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";
import { resumeAndJob } from "../support/requests.ts";

const cell = useTestCell();

describe("GET /v1/workflows/{id}/events", () => {
  it("streams progress as server-sent events until the workflow ends", async () => {
    const carol = cell.as("carol");
    const { resume, job } = await resumeAndJob(carol);
    const { workflowId } = await (
      await carol("/v1/tailorings", json({ resumeId: resume.id, jobId: job.id, format: "docx" }))
    ).json();
    const stream = await carol(`/v1/workflows/${workflowId}/events`);
    expect(stream.headers.get("content-type")).toMatch(/text\/event-stream/);
    const body = await stream.text();
    const progress = [...body.matchAll(/event: progress\ndata: (.*)\n/g)].map((m) =>
      JSON.parse(m[1] ?? "{}"),
    );
    expect(progress.length).toBeGreaterThan(0);
    const last = progress[progress.length - 1];
    expect(last.status).toBe("succeeded");
    expect(body).toMatch(/event: end\ndata: \{"status":"succeeded"\}/);
    const percentages = progress.map((p) => p.progress);
    expect([...percentages].sort((a, b) => a - b)).toEqual(percentages);

    const doc = await carol(`/v1/tailorings/${last.tailoringId}/document`);
    expect(doc.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    const { kind, text } = await extractResumeText(new Uint8Array(await doc.arrayBuffer()));
    expect(kind).toBe("docx");
    expect(text).toContain("Dana Whitfield");
  });
});
