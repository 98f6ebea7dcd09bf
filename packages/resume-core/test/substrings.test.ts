import { describe, expect, it } from "vitest";
import { substringsIn } from "../src/substrings.ts";

describe("substringsIn", () => {
  it("finds the candidates that occur in the text, overlapping or nested", () => {
    const text = "Led the team\nShipped the API ahead of schedule";
    const candidates = ["the", "he team", "the API", "Led the team Shipped", "API ahead", "nope", "", "🙂"];
    expect(substringsIn(text, candidates)).toEqual(new Set(["the", "he team", "the API", "API ahead", ""]));
  });

  it("agrees with String.prototype.includes on random texts over a small alphabet", () => {
    let state = 7;
    const next = (limit: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state % limit;
    };
    const word = (length: number) => Array.from({ length }, () => "ab\n🙂"[next(5)]).join("");
    for (let round = 0; round < 200; round++) {
      const text = word(next(40));
      const candidates = Array.from({ length: 12 }, () => word(1 + next(6)));
      const expected = new Set(candidates.filter((candidate) => text.includes(candidate)));
      expect(substringsIn(text, candidates)).toEqual(expected);
    }
  });
});
