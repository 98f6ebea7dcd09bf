import { describe, expect, it } from "vitest";
import { extractFacts, normalizeDateField } from "../src/facts.ts";

describe("extractFacts", () => {
  it("normalizes money, percentages, separators, scales and number words", () => {
    const { numbers } = extractFacts(
      "Cut close time by 30%, saved $1.2M and $310K, shipped 1,200 units, raised 2.1% to 3.4 percent, led five people, 3M requests.",
    );
    expect(numbers.map((number) => number.key)).toEqual([
      "percent:30",
      "money:1200000",
      "money:310000",
      "plain:1200",
      "percent:2.1",
      "percent:3.4",
      "plain:5",
      "plain:3000000",
    ]);
    expect(extractFacts("$1,200,000").numbers[0]?.key).toBe(extractFacts("$1.2 million").numbers[0]?.key);
  });

  it("reads month-year dates in names and numbers, and bare years, and keeps them out of the numbers", () => {
    const { dates, numbers } = extractFacts(
      "Jan 2019 – Present; 03/2020 – 2021-04; Sept. 2021 to 2023; Jan '19",
    );
    expect(dates.map((date) => date.key)).toEqual([
      "2019-01",
      "2020-03",
      "2021-04",
      "2021-09",
      "2023",
      "2019-01",
    ]);
    expect(numbers).toEqual([]);
  });

  it("does not read numbers inside words as dates, nor month abbreviations inside words", () => {
    const { dates, numbers } = extractFacts("p95 latency, B2C sales, decided in 12 months, 2,400 SKUs");
    expect(dates).toEqual([]);
    expect(numbers.map((number) => number.key)).toEqual(["plain:95", "plain:2", "plain:12", "plain:2400"]);
  });
});

describe("normalizeDateField", () => {
  it("gives one form for the same month and for the words meaning now", () => {
    expect(normalizeDateField("Jan 2019")).toBe(normalizeDateField("January 2019"));
    expect(normalizeDateField("01/2019")).toBe("2019-01");
    expect(normalizeDateField("Current")).toBe(normalizeDateField("Present"));
    expect(normalizeDateField("2019")).not.toBe(normalizeDateField("Jan 2019"));
    expect(normalizeDateField("Spring 2019")).toBe("spring 2019");
  });
});
