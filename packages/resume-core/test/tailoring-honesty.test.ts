import { describe, expect, it } from "vitest";
import { analyzeJob } from "../src/analyze.ts";
import { findInventions } from "../src/inventions.ts";
import { parseResumeText } from "../src/parse.ts";
import { renderResume } from "../src/render/index.ts";
import { tailorResume } from "../src/tailor.ts";
import type { ExperienceEntry } from "../src/types.ts";
import { loadLabels, readLabelledFile } from "./support/labelled.ts";
import { readPdf } from "./support/pdf-text.ts";

/**
 * The product's promise, checked over the whole labelled set: tailoring any resume to any job,
 * fitting or not, states nothing the resume does not, and keeps every entry.
 */
const labels = loadLabels();
const resumes = labels.resumes.map((label) => ({
  label,
  parsed: parseResumeText(readLabelledFile(label.file)),
}));
const jobs = labels.jobs.map((label) => ({ label, analysis: analyzeJob(readLabelledFile(label.file)) }));
const pairs = resumes.flatMap((resume) =>
  jobs.map((job) => [resume.label.id, job.label.id, resume, job] as const),
);

const entryFacts = (entries: ExperienceEntry[]) =>
  entries.map(({ title, company, startDate, endDate, location, bullets }) => ({
    title,
    company,
    startDate,
    endDate,
    location,
    bullets: [...bullets].sort(),
  }));

describe("tailoring the labelled set", () => {
  it("spans several professions", () => {
    expect(new Set(resumes.map(({ label }) => label.profession)).size).toBeGreaterThanOrEqual(8);
  });

  it.each(pairs)("%s × %s: invents nothing and keeps every entry", (_resumeId, _jobId, resume, job) => {
    const source = resume.parsed;
    const tailored = tailorResume(source, job.analysis);

    expect(findInventions(source, tailored.resume)).toEqual([]);
    expect(entryFacts(tailored.resume.experience)).toEqual(entryFacts(source.experience));
    expect(tailored.resume.education).toEqual(source.education);
    expect([...tailored.resume.skills].sort()).toEqual([...source.skills].sort());
    if (tailored.emphasizedSkills.length > 0) {
      expect(tailored.resume.summary).not.toBe(source.summary);
      expect(tailored.resume.skills.slice(0, tailored.emphasizedSkills.length)).toEqual(
        tailored.emphasizedSkills,
      );
    }
  });

  it.each(
    jobs.flatMap((job) => job.label.goodFitFor.map((resumeId) => [resumeId, job.label.id, job] as const)),
  )(
    "%s × %s (a good fit): emphasizes skills and renders them as selectable PDF text",
    async (resumeId, _jobId, job) => {
      const resume = resumes.find(({ label }) => label.id === resumeId);
      if (resume === undefined) throw new Error(`unknown resume ${resumeId}`);
      const tailored = tailorResume(resume.parsed, job.analysis);

      expect(tailored.emphasizedSkills.length).toBeGreaterThanOrEqual(2);
      const pdf = await readPdf(await renderResume(tailored.resume, "pdf"));
      // Lines wrap at spaces and hyphens, so compare without whitespace.
      const text = pdf.items
        .map((item) => item.text)
        .join("")
        .replace(/\s+/g, "");
      for (const phrase of [resume.label.name, ...tailored.emphasizedSkills]) {
        expect(text).toContain(phrase.replace(/\s+/g, ""));
      }
    },
  );
});
