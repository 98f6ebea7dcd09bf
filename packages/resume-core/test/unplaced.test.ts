import { describe, expect, it } from "vitest";
import { parseResumeText } from "../src/parse.ts";
import { coveredShares } from "../src/substrings.ts";
import { UNPLACED_SECTION } from "../src/unplaced.ts";

describe("lines no field took", () => {
  it("give the headline under the name, and nothing a field holds is kept apart", () => {
    const resume = parseResumeText(
      [
        "Dana Doe",
        "Senior Backend Engineer · Payments & Ledgers",
        "dana@example.com | 312-555-0187",
        "Summary",
        "Backend engineer with 8 years.",
        "Experience",
        "Engineer — Acme",
        "2019 – Present | Chicago, IL",
        "- Built the ledger",
        "Skills",
        "Tools",
        "- Go",
        "- Kafka",
      ].join("\n"),
    );
    expect(resume.contact.headline).toBe("Senior Backend Engineer · Payments & Ledgers");
    expect(resume.otherSections).toEqual({});
    expect(resume.skills).toEqual(["Go", "Kafka"]);
  });

  it("judge a line by its words, not the dates set beside it", () => {
    const resume = parseResumeText(
      [
        "Zoë Lind",
        "zoe@example.com",
        "Experience",
        "Travel RN, Telemetry",
        "St. Brendan's Hospital, Tacoma, WA",
        "- Covered a 36-bed telemetry unit during a winter\tOct 2023 – Jan 2024",
        "census surge, nights",
      ].join("\n"),
    );
    expect(resume.experience[0]?.bullets).toEqual([
      "Covered a 36-bed telemetry unit during a winter census surge, nights",
    ]);
    expect(resume.otherSections).toEqual({});
  });

  it("find a paragraph's line that mentions a year in the paragraph", () => {
    const resume = parseResumeText(
      [
        "Dana Doe",
        "dana@example.com",
        "Summary",
        "After seven years running retail stores I moved into B2B sales in 2024. In my first year I'm",
        "at 112% of quota.",
        "Skills",
        "Negotiation, HubSpot",
      ].join("\n"),
    );
    expect(resume.summary).toMatch(/^After seven years .* at 112% of quota\.$/);
    expect(resume.otherSections).toEqual({});
  });

  it("keep a header line too long for a headline, and not an introduction, under Other", () => {
    const note =
      "Available from 1 March 2027 for roles in Chicago, Milwaukee or remote across the Midwest and the East Coast regions";
    const resume = parseResumeText(`Dana Doe\n${note}\ndana@example.com\nSkills\nGo, Kafka`);
    expect(resume.contact.headline).toBeUndefined();
    expect(resume.otherSections).toEqual({ [UNPLACED_SECTION]: [note] });
  });
});

describe("coveredShares", () => {
  it("is the share of a text's characters, spaces aside, inside some occurrence of a value", () => {
    expect(
      coveredShares(["Engineer — Acme", "Senior Engineer at a bank", "", "xyz"], ["Engineer", "Acme"]),
    ).toEqual([12 / 13, 8 / 21, 1, 0]);
  });
});
