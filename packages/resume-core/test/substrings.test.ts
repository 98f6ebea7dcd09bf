import { describe, expect, it } from "vitest";
import { coveredShares, substringsIn } from "../src/substrings.ts";

/** Random words over a small alphabet (with a newline and a symbol outside the BMP), repeatable. */
function randomWords(seed: number) {
  let state = seed;
  const next = (limit: number) => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state % limit;
  };
  const word = (length: number) => Array.from({ length }, () => "ab\n🙂 "[next(6)]).join("");
  return { next, word };
}

/** The share of a text's non-blank characters inside an occurrence of a candidate, the plain way. */
function referenceShare(text: string, candidates: string[]): number {
  const covered = text.split("").map(() => false);
  for (const candidate of candidates.filter((c) => c !== "")) {
    for (let at = 0; at + candidate.length <= text.length; at++) {
      if (text.startsWith(candidate, at)) for (let i = at; i < at + candidate.length; i++) covered[i] = true;
    }
  }
  const counted = text.split("").flatMap((char, index) => (/[ \t\u00a0]/.test(char) ? [] : [covered[index]]));
  return counted.length === 0 ? 1 : counted.filter(Boolean).length / counted.length;
}

describe("substringsIn", () => {
  it("finds the candidates that occur in the text, overlapping or nested", () => {
    const text = "Led the team\nShipped the API ahead of schedule";
    const candidates = ["the", "he team", "the API", "Led the team Shipped", "API ahead", "nope", "", "🙂"];
    expect(substringsIn(text, candidates)).toEqual(new Set(["the", "he team", "the API", "API ahead", ""]));
  });

  // Short texts are searched candidate by candidate, long ones with an automaton: both must agree
  // with String.prototype.includes.
  it.each([
    ["short", 40],
    ["long", 8_000],
  ])("agrees with String.prototype.includes on random %s texts", (_, length) => {
    const { next, word } = randomWords(7);
    for (let round = 0; round < 40; round++) {
      const text = word(next(length));
      const candidates = Array.from({ length: 12 }, () => word(1 + next(8)));
      const expected = new Set(candidates.filter((candidate) => text.includes(candidate)));
      expect(substringsIn(text, candidates)).toEqual(expected);
    }
  });
});

describe("coveredShares", () => {
  it("measures how much of each text the candidates cover, blanks aside", () => {
    expect(coveredShares(["Engineer — Acme", "2019 – Present", "   "], ["Engineer", "Acme", "2019"])).toEqual(
      [12 / 13, 4 / 12, 1],
    );
  });

  it.each([
    ["short", 30],
    ["long", 3_000],
  ])("agrees with covering each occurrence the plain way on random %s texts", (_, length) => {
    const { next, word } = randomWords(11);
    for (let round = 0; round < 10; round++) {
      const texts = Array.from({ length: 3 }, () => word(next(length)));
      const candidates = Array.from({ length: 10 }, () => word(1 + next(5)));
      const shares = coveredShares(texts, candidates);
      for (const [index, text] of texts.entries()) {
        expect(shares[index]).toBeCloseTo(referenceShare(text, candidates), 10);
      }
    }
  });
});
