import { json } from "@hireloop/testkit/client";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";
import { patch, resumeAndJob } from "../support/requests.ts";
import { scalar } from "../support/sql.ts";

const cell = useTestCell({ worker: false });

describe("POST /v1/matches", () => {
  it("scores from the resume's stored match profile, read again when the resume is corrected", async () => {
    const ana = cell.as("ana-matches");
    const { resume, job } = await resumeAndJob(ana);
    const stored = () =>
      scalar(
        cell.deps.sql`select count(*)::int as count from resumes
          where id = ${resume.id} and match_profile ? 'skills'`,
      );
    expect(await stored()).toBe(1);
    const match = async () => {
      const res = await ana("/v1/matches", json({ resumeId: resume.id, jobId: job.id }));
      expect(res.status).toBe(200);
      return res.json();
    };
    const before = await match();
    expect(before.missingKeywords).toContain("Kubernetes");

    const skills = [...resume.sections.skills, "Kubernetes"];
    expect((await ana(`/v1/resumes/${resume.id}`, patch({ skills }))).status).toBe(200);
    const corrected = await match();
    expect(corrected.matchedKeywords).toContain("Kubernetes");
    expect(corrected.score).toBeGreaterThan(before.score);

    // A resume stored before profiles were kept is read from its parse: the same answer.
    await cell.deps.sql`update resumes set match_profile = null where id = ${resume.id}`;
    expect(await stored()).toBe(0);
    expect(await match()).toEqual(corrected);
  });
});
