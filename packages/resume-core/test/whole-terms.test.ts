import { describe, expect, it } from "vitest";
import { containsTerm } from "../src/terms.ts";
import { wholeTermsIn } from "../src/whole-terms.ts";

describe("wholeTermsIn", () => {
  it("finds whole terms only, case-insensitively, across any whitespace", () => {
    const text = "Built APIs in node.js and C++, ran Google  Ads; ASP.NET at KELVIN scale, ΟΔΟΣ";
    const terms = ["Node.js", "C++", "google ads", "Go", "SQL", ".NET", "ASP.NET", "kelvin", "οδος", "", " "];
    expect(wholeTermsIn(text, terms)).toEqual(
      new Set(["Node.js", "C++", "google ads", "ASP.NET", "kelvin", "οδος"]),
    );
  });

  it("agrees with containsTerm on random texts and terms over a tricky alphabet", () => {
    const alphabet = [..."aAbBsSkK19.+#-/_(),", ..." \t\n\u00a0\u3000", ..."ΣσςſKİıßẞéÉ\u0301\u0345ιΙ日🙂"];
    let state = 11;
    const next = (limit: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state % limit;
    };
    const randomText = (length: number) =>
      Array.from({ length }, () => alphabet[next(alphabet.length)]).join("");
    const flipCase = (value: string) =>
      [...value].map((char) => (next(2) === 0 ? char.toUpperCase() : char.toLowerCase())).join("");
    for (let round = 0; round < 300; round++) {
      const text = randomText(next(60));
      const terms = Array.from({ length: 20 }, () => {
        const start = next(text.length + 1);
        const excerpt = text.slice(start, start + 1 + next(6));
        return next(3) === 0 ? randomText(1 + next(4)) : flipCase(excerpt);
      });
      const expected = new Set(terms.filter((term) => containsTerm(text, term)));
      expect(wholeTermsIn(text, terms), JSON.stringify({ text, terms })).toEqual(expected);
    }
  });
});
