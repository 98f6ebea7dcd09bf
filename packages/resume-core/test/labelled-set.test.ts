import { describe, expect, it } from "vitest";
import { loadLabels, readLabelledFile } from "./support/labelled.ts";

const labels = loadLabels();
const fold = (text: string) => text.normalize("NFC").toLowerCase().replace(/\s+/g, " ");

describe("labelled set", () => {
  it("covers at least 8 professions and 10 job descriptions", () => {
    expect(new Set(labels.resumes.map((resume) => resume.profession)).size).toBeGreaterThanOrEqual(8);
    expect(labels.jobs.length).toBeGreaterThanOrEqual(10);
  });

  it.each(labels.resumes.map((resume) => [resume.id, resume] as const))(
    "resume %s: every label occurs in the text",
    (_id, label) => {
      const text = fold(readLabelledFile(label.file));
      const values = [
        label.name,
        label.email,
        label.phone,
        ...label.skills,
        ...label.education,
        ...label.experience.flatMap((entry) => [entry.title, entry.company, entry.startDate, entry.endDate]),
      ];
      expect(values.filter((value) => !text.includes(fold(value)))).toEqual([]);
      expect(label.experience.length).toBeGreaterThanOrEqual(2);
    },
  );

  it.each(labels.jobs.map((job) => [job.id, job] as const))(
    "job %s: every label occurs in the text",
    (_id, label) => {
      const text = fold(readLabelledFile(label.file));
      const values = [label.title, ...label.requiredSkills, ...label.niceToHaveSkills];
      expect(values.filter((value) => !text.includes(fold(value)))).toEqual([]);
      if (label.yearsOfExperience !== null)
        expect(text).toMatch(new RegExp(`\\b${label.yearsOfExperience}\\+? years?`));
      const resumeIds = new Set(labels.resumes.map((resume) => resume.id));
      for (const id of [...label.goodFitFor, ...label.partialFitFor]) expect(resumeIds).toContain(id);
    },
  );
});
