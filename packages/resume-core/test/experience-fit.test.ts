import { describe, expect, it } from "vitest";
import { fitOfYears, roleSpans, yearsAsked, yearsOfSpans } from "../src/experience-fit.ts";
import type { ExperienceEntry } from "../src/types.ts";

const now = new Date(Date.UTC(2026, 11, 5));
const yearsOfWork = (experience: ExperienceEntry[], at: Date) => yearsOfSpans(roleSpans(experience), at);
const experienceFit = (experience: ExperienceEntry[], job: Parameters<typeof fitOfYears>[1], at: Date) =>
  fitOfYears(yearsOfWork(experience, at), job);
const role = (startDate: string | undefined, endDate: string | undefined, kind?: "volunteer" | "campus") =>
  ({
    title: "Engineer",
    company: "Acme",
    startDate,
    endDate,
    bullets: [],
    ...(kind && { kind }),
  }) as ExperienceEntry;

describe("yearsOfWork", () => {
  it("counts months between a role's dates, in the ways people write them", () => {
    expect(yearsOfWork([role("Jan 2020", "Dec 2021")], now)).toBe(2);
    expect(yearsOfWork([role("03/2019", "02/2020")], now)).toBe(1);
    expect(yearsOfWork([role("2019", "2020")], now)).toBe(2);
    expect(yearsOfWork([role("Dec 2024", "Present")], now)).toBe(2 + 1 / 12);
    expect(yearsOfWork([role("März 2021", "heute")], now)).toBeGreaterThan(5);
  });

  it("counts overlapping roles once and leaves out volunteer and campus roles", () => {
    const overlapping = [role("Jan 2020", "Dec 2021"), role("Jan 2021", "Dec 2022")];
    expect(yearsOfWork(overlapping, now)).toBe(3);
    expect(yearsOfWork([role("2015", "2020", "volunteer"), role("2018", "2019", "campus")], now)).toBe(0);
  });

  it("ignores a role whose dates cannot be read or run backwards", () => {
    expect(yearsOfWork([role(undefined, undefined), role("Dec 2022", "Jan 2020")], now)).toBe(0);
  });
});

describe("experienceFit", () => {
  it("takes the years a job states, else the usual years of its level", () => {
    expect(yearsAsked({ yearsOfExperience: 3, seniority: "senior" })).toBe(3);
    expect(yearsAsked({ yearsOfExperience: null, seniority: "senior" })).toBe(5);
    expect(yearsAsked({ yearsOfExperience: null, seniority: "junior" })).toBe(0);
  });

  it("is the share of the asked years the dates prove, and 100 when none are asked", () => {
    const twoYears = [role("Jan 2023", "Dec 2024")];
    expect(experienceFit(twoYears, { yearsOfExperience: 4, seniority: "mid" }, now)).toBe(50);
    expect(experienceFit(twoYears, { yearsOfExperience: 1, seniority: "mid" }, now)).toBe(100);
    expect(experienceFit([], { yearsOfExperience: null, seniority: "senior" }, now)).toBe(0);
    expect(experienceFit([], { yearsOfExperience: null, seniority: "intern" }, now)).toBe(100);
  });
});
