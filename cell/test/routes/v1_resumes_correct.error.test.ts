import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";
import { newResume, patch } from "../support/requests.ts";

const cell = useTestCell({ worker: false });

describe("PATCH /v1/resumes/{id}", () => {
  it("refuses a correction made to an older version (412), and bodies that are no correction (400)", async () => {
    const max = cell.as("max-refused");
    const resume = await newResume(max, "Max Refused");
    await max(`/v1/resumes/${resume.id}`, patch({ summary: "First correction." }));

    const stale = await max(
      `/v1/resumes/${resume.id}`,
      patch({ summary: "Lost update" }, { "if-match": '"1"' }),
    );
    expect(stale.status).toBe(412);
    expect((await stale.json()).code).toBe("version_mismatch");

    for (const body of [
      {},
      { skills: "Go" },
      { experience: [{ title: "No company or bullets" }] },
      { favouriteColour: "green" },
      { skills: Array.from({ length: 301 }, (_, index) => `skill ${index}`) },
    ]) {
      const res = await max(`/v1/resumes/${resume.id}`, patch(body));
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect((await res.json()).code).toBe("validation_failed");
    }
    const notOurTag = await max(
      `/v1/resumes/${resume.id}`,
      patch({ summary: "x" }, { "if-match": "version 2" }),
    );
    expect(notOurTag.status).toBe(412);

    const now = await (await max(`/v1/resumes/${resume.id}`)).json();
    expect(now).toMatchObject({ version: 2, sections: { summary: "First correction." } });
  });

  it("leaves another user's resume as it was: neither corrected nor deleted (404)", async () => {
    const owner = cell.as("owner-kept");
    const resume = await newResume(owner, "Olga Owner");
    const eve = cell.as("eve-intruder");
    for (const init of [patch({ summary: "Hacked" }), { method: "DELETE" }]) {
      const res = await eve(`/v1/resumes/${resume.id}`, init);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("Olga");
    }
    expect(await (await owner(`/v1/resumes/${resume.id}`)).json()).toEqual(resume);
  });
});
