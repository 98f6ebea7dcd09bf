import { describe, expect, it } from "vitest";
import { fieldFit, mostRelevantTitle, roleFitOfStems, roleTitleStems } from "../src/role-fit.ts";
import type { ExperienceEntry } from "../src/types.ts";

const role = (title: string): ExperienceEntry => ({ title, company: "", bullets: [] });
const roleFit = (experience: ExperienceEntry[], summary: string, job: string, headline?: string) =>
  roleFitOfStems(roleTitleStems(experience, summary, headline), job);

describe("roleFit", () => {
  it("is 100 when a title names the job's role, whatever its level", () => {
    expect(roleFit([role("Backend Engineer")], "", "Senior Backend Engineer, Payments")).toBeLessThan(100);
    expect(roleFit([role("Staff Backend Engineer")], "", "Senior Backend Engineer")).toBe(100);
    expect(roleFit([role("Registered Nurse")], "", "Nurse")).toBe(100);
  });

  it("weighs the role noun as much as all the qualifiers together", () => {
    const job = "Psychiatric Mental Health Nurse Practitioner";
    const practitioner = roleFit([role("Family Nurse Practitioner")], "", job);
    const nurse = roleFit([role("ER Charge Nurse")], "", job);
    const unrelated = roleFit([role("Graphic Designer")], "", job);
    expect(practitioner).toBeGreaterThan(nurse);
    expect(nurse).toBeGreaterThan(unrelated);
    expect(unrelated).toBe(0);
  });

  it("matches word forms by stem and takes the best of the resume's titles", () => {
    const experience = [role("Barista"), role("Mathematics Teacher")];
    expect(roleFit(experience, "", "Teaching Assistant")).toBe(100);
    expect(roleFit([role("Nursing Assistant")], "", "Nurse")).toBe(100);
    expect(roleFit([role("Office Manager")], "", "Office Management Lead")).toBe(100);
    expect(roleFit(experience, "", "Mathematics Teacher")).toBe(100);
  });

  it("reads the headline under the name as one of the resume's titles", () => {
    expect(roleFit([role("Barista")], "", "Junior Data Analyst", "Data Analyst · SQL, Tableau")).toBe(100);
    expect(roleFit([role("Barista")], "", "Junior Data Analyst")).toBe(0);
  });

  it("reads the summary's first sentence when the resume has no titles", () => {
    const summary = "Data analyst graduate with SQL and Tableau. Looking for a first role.";
    expect(roleFit([], summary, "Junior Data Analyst")).toBe(100);
    expect(roleFit([], "", "Junior Data Analyst")).toBe(0);
  });
});

describe("role abbreviations", () => {
  it("compare by the words they stand for", () => {
    expect(roleFit([role("Travel RN, Progressive Care Unit")], "", "Registered Nurse")).toBe(100);
    expect(roleFit([role("Senior SWE")], "", "Software Engineer")).toBe(100);
    expect(roleFit([role("SDR")], "", "Sales Development Representative (Entry-Level)")).toBe(100);
  });
});

describe("role families", () => {
  it("give a qualifier of the same kind of work half its weight", () => {
    const job = "Machine Learning Engineer";
    const analyst = roleFit([role("Data Scientist")], "", job);
    expect(analyst).toBeGreaterThan(0);
    expect(analyst).toBeLessThan(roleFit([role("Machine Learning Engineer")], "", job));
    expect(roleFit([role("Backend Engineer")], "", "Platform Engineer")).toBeGreaterThan(
      roleFit([role("Sales Engineer")], "", "Platform Engineer"),
    );
  });
});

describe("fieldFit", () => {
  it("is the share of the resume's skills that lie in the job's fields of work", () => {
    const kitchen = ["Food Safety", "Menu Planning"];
    expect(fieldFit(kitchen, ["Menu Planning", "Inventory Management"])).toBe(50);
    expect(fieldFit(kitchen, ["Figma", "Adobe Photoshop"])).toBe(0);
  });

  it("leaves out the skills every field lists, and is undefined when the job names no field", () => {
    expect(
      fieldFit(["Microsoft Excel", "Communication"], ["Microsoft Excel", "Communication"]),
    ).toBeUndefined();
    expect(fieldFit([], ["Python"])).toBeUndefined();
    expect(fieldFit(["Python", "Microsoft Excel"], ["Python", "Microsoft Excel"])).toBe(100);
  });
});

describe("mostRelevantTitle", () => {
  it("picks the title naming the job's work, the most recent on a tie", () => {
    const experience = [role("Shift Lead"), role("Line Cook"), role("Prep Cook")];
    expect(mostRelevantTitle(experience, "Sous Chef / Cook")).toBe("Line Cook");
    expect(mostRelevantTitle([role(""), role("Clerk")], "Welder")).toBe("Clerk");
  });
});
