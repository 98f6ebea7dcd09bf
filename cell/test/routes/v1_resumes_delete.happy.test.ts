import { json } from "@hireloop/testkit/client";
import { describe, expect, it } from "vitest";
import { useTestCell, waitForWorkflow } from "../support/cell.ts";
import { newResume } from "../support/requests.ts";

const cell = useTestCell();

describe("DELETE /v1/resumes/{id}", () => {
  it("deletes it with its roasts, and answers 404 after", async () => {
    const nia = cell.as("nia-deletes");
    const resume = await newResume(nia, "Nia Delete");
    const started = await nia("/v1/roasts", json({ resumeId: resume.id, style: "gentle", mode: "rules" }));
    const roastDone = await waitForWorkflow(nia, (await started.json()).workflowId);

    const res = await nia(`/v1/resumes/${resume.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect((await nia(`/v1/resumes/${resume.id}`)).status).toBe(404);
    expect((await nia(`/v1/roasts/${roastDone.resultId}`)).status).toBe(404);
    expect((await (await nia("/v1/resumes")).json()).resumes).toEqual([]);
    expect((await nia(`/v1/resumes/${resume.id}`, { method: "DELETE" })).status).toBe(404);
  });
});
