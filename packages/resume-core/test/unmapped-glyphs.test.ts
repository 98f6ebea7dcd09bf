import { describe, expect, it } from "vitest";
import { recoverUnmappedGlyphs } from "../src/unmapped-glyphs.ts";

const texts = (items: Array<{ text: string; font?: string }>) =>
  recoverUnmappedGlyphs(items).map((item) => item.text);

describe("recoverUnmappedGlyphs", () => {
  it("reads each unmapped glyph of a font as the ligature its words call for, all its uses alike", () => {
    const items = [
      { text: "Certi\u0006ed \u0006nancial analyst", font: "Body" },
      { text: "\u0010uent in data work\u0010ows; pro\u0006le reviews", font: "Body" },
      // In another font the same number is another glyph.
      { text: "\u0006ash reports", font: "Heading" },
      { text: "Dana Doe, a certified analyst who writes reports on workflows", font: "Helvetica" },
    ];
    expect(texts(items)).toEqual([
      "Certified financial analyst",
      "fluent in data workflows; profile reviews",
      "flash reports",
      "Dana Doe, a certified analyst who writes reports on workflows",
    ]);
  });

  it("judges NUL at each use, and prefers a word the document writes out elsewhere", () => {
    const items = [
      { text: "Managed the o\u0000ce budget and sta\u0000 rota", font: "Body" },
      { text: "Office manager for a staff of nine", font: "Title" },
    ];
    expect(texts(items)[0]).toBe("Managed the office budget and staff rota");
  });

  it("drops an unmapped glyph with no letter beside it, and guesses nothing in a font with no map at all", () => {
    expect(texts([{ text: "Skills \u0001 Go", font: "Body" }, { text: "and more text here" }])).toEqual([
      "Skills  Go",
      "and more text here",
    ]);
    const garbled = [{ text: "\u0003\u0004\u0005\u0006 \u0007\u0008\u0003", font: "Body" }, { text: "Dana" }];
    expect(texts(garbled)).toEqual([" ", "Dana"]);
  });

  it("leaves text with no unmapped glyph as it is", () => {
    const items = [{ text: "Plain text, tabs\tand all" }];
    expect(recoverUnmappedGlyphs(items)).toBe(items);
  });
});
