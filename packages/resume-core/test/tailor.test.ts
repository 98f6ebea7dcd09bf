import { describe, expect, it } from "vitest";
import { tailorResume } from "../src/tailor.ts";
import type { JobAnalysis } from "../src/types.ts";
import { sampleResume } from "./support/sample-resume.ts";

const designJob: JobAnalysis = {
  title: "Senior Packaging Designer",
  seniority: "senior",
  requiredSkills: ["Figma", "Branding"],
  niceToHaveSkills: ["Print Production"],
  yearsOfExperience: 5,
  responsibilities: ["Design packaging systems"],
  keywords: ["Figma", "Branding", "Print Production", "packaging"],
};

describe("tailorResume", () => {
  it("puts the bullets that mention the job's terms first, keeping the others in order", () => {
    const source = sampleResume();
    const [current, previous] = tailorResume(source, designJob).resume.experience;

    expect(current?.bullets).toEqual([
      "Designed a Figma component library that cut social asset production time by 50%.",
      "Led rebrands for 11 consumer brands, including a packaging system for 60 SKUs.",
      "Art-directed 3 photo shoots with budgets up to $45,000.",
    ]);
    expect(previous?.bullets).toEqual([
      "Prepared press-ready files for print runs of up to 200,000 copies.",
      "Designed 70+ book covers in Adobe Illustrator and InDesign.",
    ]);
  });

  it("lists the matching skills first, required before nice-to-have, and reports them as emphasized", () => {
    const tailored = tailorResume(sampleResume(), designJob);

    expect(tailored.emphasizedSkills).toEqual(["Figma", "Branding", "Print Production"]);
    expect(tailored.resume.skills).toEqual([
      "Figma",
      "Branding",
      "Print Production",
      "Typography",
      "Adobe Illustrator",
    ]);
  });

  it("keeps every experience and education entry with its title, company and dates", () => {
    const source = sampleResume();
    const { resume } = tailorResume(source, designJob);

    const facts = (entries: typeof source.experience) =>
      entries.map(({ title, company, startDate, endDate, location, bullets }) => ({
        title,
        company,
        startDate,
        endDate,
        location,
        bullets: [...bullets].sort(),
      }));
    expect(facts(resume.experience)).toEqual(facts(source.experience));
    expect(resume.education).toEqual(source.education);
    expect(resume.contact).toEqual(source.contact);
    expect(resume.otherSections).toEqual(source.otherSections);
  });

  it("leads the summary with the most relevant title and the matched skills, keeping every sentence", () => {
    const source = sampleResume();
    const { resume, changes } = tailorResume(source, designJob);

    expect(resume.summary).toBe(
      "Senior Graphic Designer — skilled in Figma, Branding and Print Production. " +
        "Builds component libraries in Figma for product teams. " +
        "Comfortable with print production and press checks. " +
        "Designer with 6 years of brand and packaging work.",
    );
    expect(changes).toContain(
      'Rewrote the summary to lead with your "Senior Graphic Designer" experience and 3 matching skills from your resume',
    );
    expect(changes).toContain(
      "Moved 2 matching bullets to the top of Senior Graphic Designer at Maple & Moss Studio",
    );
  });

  it("lists each edit, before and after, with the job's skills it puts first, and none for what stayed", () => {
    const source = sampleResume();
    const { resume, edits } = tailorResume(source, designJob);
    expect(edits.map((edit) => [edit.section, edit.role])).toEqual([
      ["summary", undefined],
      ...(source.skills.join() === resume.skills.join() ? [] : [["skills", undefined]]),
      ...resume.experience.flatMap((entry, role) =>
        entry.bullets.join() === source.experience[role]?.bullets.join() ? [] : [["experience", role]],
      ),
    ]);
    const summary = edits.find((edit) => edit.section === "summary");
    expect(summary).toMatchObject({ before: source.summary, after: resume.summary });
    expect(summary?.reason).toBe("Leads with what the job asks for: Figma, Brand Identity, Print Production");
    for (const edit of edits) {
      expect(edit.before).not.toBe(edit.after);
      if (edit.role !== undefined) {
        expect(edit.before).toBe(source.experience[edit.role]?.bullets.join("\n"));
        expect(edit.after).toBe(resume.experience[edit.role]?.bullets.join("\n"));
      }
    }
    expect(tailorResume(resume, designJob).edits).toEqual([]);
  });

  it("leads with the title naming the job's kind of work, preferring the most recent over a level match", () => {
    const withTitles = (titles: string[]) => {
      const source = sampleResume();
      return {
        ...source,
        experience: titles.map((title, index) => ({ title, company: `Employer ${index}`, bullets: [] })),
      };
    };
    const leadOf = (titles: string[], jobTitle: string) =>
      tailorResume(withTitles(titles), { ...designJob, title: jobTitle }).resume.summary.split(" — ")[0];

    expect(leadOf(["Executive Chef", "Sous Chef", "Line Cook"], "Senior Sous Chef")).toBe("Executive Chef");
    expect(leadOf(["Barista", "Software Engineer"], "Backend Software Engineer")).toBe("Software Engineer");
    expect(leadOf(["Accounting Manager", "Tax Accountant"], "Senior Tax Accountant")).toBe("Tax Accountant");
    expect(leadOf(["Accounting Manager", "Staff Accountant"], "Senior Accountant")).toBe(
      "Accounting Manager",
    );
    expect(leadOf(["Barista", "Cashier"], "Forklift Operator")).toBe("Barista");
  });

  it("regenerates the plain text from the tailored fields", () => {
    const { resume } = tailorResume(sampleResume(), designJob);

    expect(resume.text).toContain(
      "\nSkills\nFigma, Branding, Print Production, Typography, Adobe Illustrator\n",
    );
    expect(resume.text).toContain(resume.summary);
  });

  it("is deterministic and does not stack leads when tailoring a tailored resume", () => {
    const once = tailorResume(sampleResume(), designJob);
    expect(tailorResume(sampleResume(), designJob)).toEqual(once);

    const twice = tailorResume(once.resume, designJob);
    expect(twice.resume.summary).toBe(once.resume.summary);
    expect(twice.changes).toEqual([]);
  });

  it("changes nothing when the job shares no terms with the resume", () => {
    const source = sampleResume();
    const unrelated: JobAnalysis = {
      ...designJob,
      title: "Forklift Operator",
      requiredSkills: ["Forklift Operation"],
      niceToHaveSkills: [],
      keywords: ["Forklift Operation", "pallets"],
    };
    const tailored = tailorResume(source, unrelated);

    expect(tailored.emphasizedSkills).toEqual([]);
    expect(tailored.changes).toEqual([]);
    expect(tailored.resume.summary).toBe(source.summary);
    expect(tailored.resume.experience).toEqual(source.experience);
  });

  it("only reorders summary sentences when no listed skill matches", () => {
    const job: JobAnalysis = {
      ...designJob,
      requiredSkills: [],
      niceToHaveSkills: [],
      keywords: ["press checks"],
    };
    const tailored = tailorResume(sampleResume(), job);

    expect(tailored.emphasizedSkills).toEqual([]);
    expect(tailored.resume.summary).toBe(
      "Comfortable with print production and press checks. Designer with 6 years of brand and packaging work. " +
        "Builds component libraries in Figma for product teams.",
    );
    expect(tailored.changes).toEqual(["Moved 1 summary sentence matching the job to the front"]);
  });

  it("does not mutate its input", () => {
    const source = sampleResume();
    const copy = structuredClone(source);
    tailorResume(source, designJob);
    expect(source).toEqual(copy);
  });
});
