import { describe, expect, it } from "vitest";
import { findInventions } from "../src/inventions.ts";
import { resumeToText } from "../src/resume-text.ts";
import { tailorResume } from "../src/tailor.ts";
import type { ExperienceEntry, ParsedResume } from "../src/types.ts";
import { sampleResume } from "./support/sample-resume.ts";

/** Applies an edit to a copy of the sample and regenerates its text, as a rewriter would. */
function edited(edit: (resume: ParsedResume) => void): ParsedResume {
  const resume = structuredClone(sampleResume());
  edit(resume);
  return { ...resume, text: resumeToText(resume) };
}

function entry(resume: ParsedResume, index: number): ExperienceEntry {
  const found = resume.experience[index];
  if (found === undefined) throw new Error(`no experience entry ${index}`);
  return found;
}

describe("findInventions", () => {
  it("passes the source itself and an honest tailoring of it", () => {
    const source = sampleResume();
    const tailored = tailorResume(source, {
      title: "Brand Designer",
      seniority: "mid",
      requiredSkills: ["Figma", "Typography"],
      niceToHaveSkills: ["Adobe Illustrator"],
      yearsOfExperience: 3,
      responsibilities: [],
      keywords: ["Figma", "Typography", "Adobe Illustrator", "packaging"],
    });

    expect(findInventions(source, source)).toEqual([]);
    expect(tailored.resume.summary).not.toBe(source.summary);
    expect(findInventions(source, tailored.resume)).toEqual([]);
  });

  it("catches a skill added to the skills list or slipped into a bullet or the summary", () => {
    const source = sampleResume();
    const output = edited((resume) => {
      resume.skills.push("Kubernetes");
      entry(resume, 1).bullets.push("Automated prepress checks with Python.");
      resume.summary += " Fluent in Adobe After Effects.";
    });

    const skills = findInventions(source, output).filter((invention) => invention.kind === "skill");
    expect(skills.map((invention) => invention.value.toLowerCase())).toEqual(
      expect.arrayContaining(["kubernetes", "python", expect.stringContaining("after effects")]),
    );
  });

  it("catches a skill listed outside the taxonomy", () => {
    const output = edited((resume) => resume.skills.push("Underwater Basket Weaving"));
    expect(findInventions(sampleResume(), output)).toContainEqual({
      kind: "skill",
      value: "Underwater Basket Weaving",
    });
  });

  it("catches an added employer", () => {
    const output = edited((resume) =>
      resume.experience.push({
        title: "Graphic Designer",
        company: "Pentagram",
        startDate: "2016",
        endDate: "2017",
        bullets: [],
      }),
    );
    expect(findInventions(sampleResume(), output)).toContainEqual({ kind: "employer", value: "Pentagram" });
  });

  it("catches an inflated title, also when the title was held at another employer", () => {
    const renamed = edited((resume) => {
      entry(resume, 1).title = "Art Director";
    });
    const promoted = edited((resume) => {
      entry(resume, 1).title = "Senior Graphic Designer";
    });

    expect(findInventions(sampleResume(), renamed)).toContainEqual({ kind: "title", value: "Art Director" });
    expect(findInventions(sampleResume(), promoted)).toContainEqual({
      kind: "title",
      value: "Senior Graphic Designer at Bluebird Publishing",
    });
  });

  it("catches a changed date, whether new or borrowed from another entry", () => {
    const stretched = edited((resume) => {
      entry(resume, 1).startDate = "Jan 2016";
    });
    const borrowed = edited((resume) => {
      entry(resume, 1).endDate = "Present";
    });

    const stretchedKinds = findInventions(sampleResume(), stretched);
    expect(stretchedKinds).toContainEqual({ kind: "date", value: "Jan 2016" });
    expect(stretchedKinds).toContainEqual({
      kind: "date",
      value: "Jan 2016 – Aug 2021 (Graphic Designer at Bluebird Publishing)",
    });
    expect(findInventions(sampleResume(), borrowed)).toEqual([
      { kind: "date", value: "Jan 2018 – Present (Graphic Designer at Bluebird Publishing)" },
    ]);
  });

  it("catches added or changed numbers in any form", () => {
    const source = sampleResume();
    const cases: Array<[string, string]> = [
      ["cut social asset production time by 50%", "cut social asset production time by 65%"],
      ["budgets up to $45,000", "budgets up to $1.2M"],
      ["print runs of up to 200,000 copies", "print runs of up to 1,200 copies"],
      ["Led rebrands for 11 consumer brands", "Led rebrands for twelve consumer brands"],
    ];
    for (const [before, after] of cases) {
      const output = edited((resume) => {
        resume.experience = resume.experience.map((job) => ({
          ...job,
          bullets: job.bullets.map((bullet) => bullet.replace(before, after)),
        }));
      });
      const numbers = findInventions(source, output).filter((invention) => invention.kind === "number");
      expect(numbers, after).toHaveLength(1);
      expect(after).toContain(numbers[0]?.value);
    }
  });

  it("accepts the same fact written another way", () => {
    const output = edited((resume) => {
      const current = entry(resume, 0);
      current.company = "  maple &  MOSS studio ";
      current.title = "Sr. Graphic Designer";
      current.startDate = "September 2021";
      current.bullets = current.bullets.map((bullet) =>
        bullet.replace("$45,000", "$45K").replace("50%", "50 percent"),
      );
      resume.summary = resume.summary.replace("6 years", "six years");
    });
    expect(findInventions(sampleResume(), output)).toEqual([]);
  });

  it("reports added precision: a month where the source only has a year", () => {
    const output = edited((resume) => {
      const degree = resume.education[0];
      if (degree) degree.endDate = "May 2017";
    });
    expect(findInventions(sampleResume(), output)).toContainEqual({ kind: "date", value: "May 2017" });
  });

  it("catches an added degree", () => {
    const output = edited((resume) =>
      resume.education.push({ institution: "Yale School of Art", degree: "MFA Graphic Design", details: [] }),
    );
    expect(findInventions(sampleResume(), output)).toContainEqual({
      kind: "education",
      value: "MFA Graphic Design, Yale School of Art",
    });
  });
});
