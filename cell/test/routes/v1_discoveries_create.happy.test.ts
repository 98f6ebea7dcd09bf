import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { describe, expect, it } from "vitest";
import { useTestCell, waitForWorkflow } from "../support/cell.ts";

const cell = useTestCell();

describe("POST /v1/discoveries", () => {
  it("discovers postings for a query, analyzed and ranked by match against their resume", async () => {
    const bea = cell.as("bea");
    const resume = await (await bea("/v1/resumes", json({ text: textFixture("resume.txt") }))).json();
    const started = await bea("/v1/discoveries", json({ query: "backend engineer" }));
    expect(started.status).toBe(202);
    const done = await waitForWorkflow(bea, (await started.json()).workflowId);
    expect(done).toMatchObject({ kind: "discovery", status: "succeeded", progress: 100 });

    const discovery = await (await bea(`/v1/discoveries/${done.resultId}`)).json();
    expect(discovery).toMatchObject({ query: "backend engineer", resumeId: resume.id });
    expect(discovery.found).toBeGreaterThan(3);
    expect(discovery.boards.some((b: { status: string }) => b.status === "ok")).toBe(true);

    const page = await (await bea(`/v1/jobs?discoveryId=${done.resultId}&limit=100`)).json();
    expect(page.total).toBe(discovery.found);
    const scores = page.jobs.map((j: { matchScore: number }) => j.matchScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const [best] = page.jobs;
    expect(best).toMatchObject({ source: "discovery", matchedResumeId: resume.id });
    expect(best.title).toMatch(/engineer|developer/i);
    expect(best.posting.url).toMatch(/^https:\/\//);
    expect(best.analysis.requiredSkills.length).toBeGreaterThan(0);

    // The same postings found again are the same jobs, not copies.
    const again = await bea("/v1/discoveries", json({ query: "backend engineer" }));
    await waitForWorkflow(bea, (await again.json()).workflowId);
    const all = await (await bea("/v1/jobs?limit=100")).json();
    expect(all.total).toBe(discovery.found);
  });
});
