import { describe, expect, it } from "vitest";
import { containsTerm, splitSentences } from "../src/terms.ts";

describe("containsTerm", () => {
  it("matches whole terms only, case-insensitively, including punctuated names", () => {
    expect(containsTerm("Built APIs in node.js and C++", "Node.js")).toBe(true);
    expect(containsTerm("Built APIs in node.js and C++", "C++")).toBe(true);
    expect(containsTerm("Ran Google  Ads campaigns", "google ads")).toBe(true);
    expect(containsTerm("Tuned PostgreSQL", "SQL")).toBe(false);
    expect(containsTerm("Grew Google traffic", "Go")).toBe(false);
  });
});

describe("splitSentences", () => {
  it("splits at sentence ends but not after initials, abbreviations or inside decimals", () => {
    expect(
      splitSentences(
        "Holds a B.S. Mathematics from the U.S. Naval Academy. Raised rates 2.1% to 3.4%! Worked at Acme Inc. Boston? Yes.",
      ),
    ).toEqual([
      "Holds a B.S. Mathematics from the U.S. Naval Academy.",
      "Raised rates 2.1% to 3.4%!",
      "Worked at Acme Inc. Boston?",
      "Yes.",
    ]);
  });
});
