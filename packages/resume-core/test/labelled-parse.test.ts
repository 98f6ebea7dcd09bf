import { describe, expect, it } from "vitest";
import { analyzeJob } from "../src/analyze.ts";
import { parseResumeText } from "../src/parse.ts";
import { canonicalSkill } from "../src/skills.ts";
import { loadLabels, readLabelledFile } from "./support/labelled.ts";

const labels = loadLabels();

/** Labels name skills by their written or long form; compare through the taxonomy. */
const skillKey = (skill: string) => canonicalSkill(skill) ?? skill.toLowerCase();

describe("parseResumeText on the labelled resumes", () => {
  it.each(labels.resumes.map((label) => [label.id, label] as const))("%s", (_id, label) => {
    const resume = parseResumeText(readLabelledFile(label.file));

    expect(resume.contact.name).toBe(label.name);
    expect(resume.contact.email).toBe(label.email);
    expect(resume.contact.phone).toBe(label.phone);
    expect(resume.skills.map(skillKey)).toEqual(label.skills.map(skillKey));
    expect(
      resume.experience.map((entry) => ({
        title: entry.title,
        company: entry.company.toLowerCase(),
        startDate: entry.startDate,
        endDate: entry.endDate,
      })),
    ).toEqual(label.experience.map((entry) => ({ ...entry, company: entry.company.toLowerCase() })));
    expect(resume.experience.every((entry) => entry.bullets.length > 0)).toBe(true);
    expect(resume.education.map((entry) => entry.institution)).toEqual(label.education);
  });
});

describe("analyzeJob on the labelled job descriptions", () => {
  it.each(labels.jobs.map((label) => [label.id, label] as const))("%s", (_id, label) => {
    const job = analyzeJob(readLabelledFile(label.file));
    const required = job.requiredSkills.map(skillKey);
    const niceToHave = job.niceToHaveSkills.map(skillKey);

    expect(job.title).toBe(label.title);
    expect(job.seniority).toBe(label.seniority);
    expect(job.yearsOfExperience).toBe(label.yearsOfExperience);
    // Every labelled skill is found in its class; the analyzer may also name credentials the
    // labels leave out ("RN license", "Bachelor's degree in accounting"), but never swaps classes.
    expect(required).toEqual(expect.arrayContaining(label.requiredSkills.map(skillKey)));
    expect(niceToHave).toEqual(expect.arrayContaining(label.niceToHaveSkills.map(skillKey)));
    expect(required.filter((skill) => label.niceToHaveSkills.map(skillKey).includes(skill))).toEqual([]);
    expect(niceToHave.filter((skill) => label.requiredSkills.map(skillKey).includes(skill))).toEqual([]);
    // Every skill asked for is a keyword, under one of its names.
    expect(job.keywords.map(skillKey)).toEqual(
      expect.arrayContaining([...job.requiredSkills, ...job.niceToHaveSkills].map(skillKey)),
    );
    expect(job.responsibilities.length).toBeGreaterThan(0);
  });
});
