import { describe, expect, it } from "vitest";
import { analyzeJob } from "../src/analyze.ts";

describe("analyzeJob: what only looks like a skill", () => {
  it("reads a currency code before an amount as money, and CAD elsewhere as the skill", () => {
    const job = analyzeJob(
      "Drafting Technician\n\nRequirements\n- Proficiency in CAD and Revit\n\nCompensation\nCAD $72,000–$80,000 plus benefits",
    );
    expect(job.requiredSkills).toContain("CAD");
    const salaryOnly = analyzeJob(
      "Store Associate\n\nRequirements\n- Cash handling\n- Pay: CAD 18.50 per hour",
    );
    expect(salaryOnly.requiredSkills).not.toContain("CAD");
  });

  it("reads Vite the build tool only as its name is written, not French 'vite' (quickly)", () => {
    expect(
      analyzeJob("Frontend Engineer\nRequirements\n- Experience with Vite and React").requiredSkills,
    ).toContain("Vite");
    const french = analyzeJob(
      "Chargé de marketing\nProfil\n- Vous savez apprendre vite\n- Maîtrise de Klaviyo",
    );
    expect(french.requiredSkills).not.toContain("Vite");
    expect(french.requiredSkills).toContain("Klaviyo");
  });

  it("reads Core Web Vitals as the web metric, not as a patient's vital signs", () => {
    const job = analyzeJob("Frontend Engineer\n\nRequirements\n- Improve our Core Web Vitals on mobile");
    expect(job.requiredSkills).toContain("Core Web Vitals");
    expect(job.requiredSkills).not.toContain("Vital Signs");
  });

  it("reads no ask from a cue word inside a name ('a Specialist High Skills Major')", () => {
    const job = analyzeJob(
      [
        "Mathematics Teacher",
        "Alderbrook Collegiate is a Grade 9 to 12 school with a growing Specialist High Skills Major in Information and Communications Technology.",
        "You hold certification with the Ontario College of Teachers and have taught Calculus.",
      ].join("\n"),
    );
    expect(job.requiredSkills).not.toContain("Information");
    expect(job.requiredSkills).not.toContain("Specialist High Skills Major");
  });
});
