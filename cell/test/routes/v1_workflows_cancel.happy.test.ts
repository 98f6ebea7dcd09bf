import { json } from "@hireloop/testkit/client";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";
import { resumeAndJob } from "../support/requests.ts";

const cell = useTestCell({ worker: false });

describe("POST /v1/workflows/{id}/cancel", () => {
  it("cancels a workflow that has not finished, and refuses to cancel a finished one", async () => {
    const request = cell.as("canceller");
    const { resume, job } = await resumeAndJob(request);
    const { workflowId } = await (
      await request("/v1/tailorings", json({ resumeId: resume.id, jobId: job.id }))
    ).json();
    const cancelled = await request(`/v1/workflows/${workflowId}/cancel`, { method: "POST" });
    expect(cancelled.status).toBe(200);
    expect((await cancelled.json()).status).toBe("cancelled");
    const again = await request(`/v1/workflows/${workflowId}/cancel`, { method: "POST" });
    expect(again.status).toBe(409);
    expect((await again.json()).code).toBe("workflow_already_finished");
  });
});
