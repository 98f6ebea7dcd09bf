import { describe, expect, it } from "vitest";
import { parseResumeText } from "../src/parse.ts";
import { coveredShares } from "../src/substrings.ts";
import { UNPLACED_SECTION } from "../src/unplaced.ts";

describe("lines no field took", () => {
  it("are kept under the Other section, in order, and nothing a field holds is", () => {
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
    expect(resume.otherSections).toEqual({
      [UNPLACED_SECTION]: ["Senior Backend Engineer · Payments & Ledgers"],
    });
    expect(resume.skills).toEqual(["Go", "Kafka"]);
  });
});

describe("coveredShares", () => {
  it("is the share of a text's characters, spaces aside, inside some occurrence of a value", () => {
    expect(
      coveredShares(["Engineer — Acme", "Senior Engineer at a bank", "", "xyz"], ["Engineer", "Acme"]),
    ).toEqual([12 / 13, 8 / 21, 1, 0]);
  });
});
