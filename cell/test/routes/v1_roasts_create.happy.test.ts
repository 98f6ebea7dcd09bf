import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { describe, expect, it } from "vitest";
import { useTestCell, waitForWorkflow } from "../support/cell.ts";

const cell = useTestCell();

describe("POST /v1/roasts", () => {
  it("roasts a resume in each style", async () => {
    const cy = cell.as("cy");
    const resume = await (await cy("/v1/resumes", json({ text: textFixture("resume.txt") }))).json();
    const headlines = new Set<string>();
    for (const style of ["gentle", "honest", "savage"]) {
      const started = await cy("/v1/roasts", json({ resumeId: resume.id, style, mode: "rules" }));
      expect(started.status).toBe(202);
      const done = await waitForWorkflow(cy, (await started.json()).workflowId);
      expect(done).toMatchObject({ kind: "roast", status: "succeeded" });
      const roast = await (await cy(`/v1/roasts/${done.resultId}`)).json();
      expect(roast).toMatchObject({ style, resumeId: resume.id, provider: "rules" });
      expect(roast.points.length).toBeGreaterThan(0);
      // Each point names the bullets it is about, by the resume's own role and place.
      for (const point of roast.points as Array<{
        bullets: Array<{ role: number; index: number; text: string }>;
      }>) {
        expect(Array.isArray(point.bullets)).toBe(true);
        for (const ref of point.bullets)
          expect(resume.sections.experience[ref.role].bullets[ref.index]).toBe(ref.text);
      }
      expect(roast.score).toBeGreaterThanOrEqual(0);
      expect(roast.score).toBeLessThanOrEqual(10);
      headlines.add(roast.headline);
    }
    expect(headlines.size).toBe(3);
  });
});
