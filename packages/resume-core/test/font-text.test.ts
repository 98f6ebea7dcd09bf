import { describe, expect, it } from "vitest";
import { fitToFont } from "../src/render/font-text.ts";

/** A font with only Windows-1252 glyphs, like the PDF standard fonts, to exercise every fallback. */
const CP1252_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const winAnsiOnly = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRAS.includes(char);
};

describe("fitToFont", () => {
  it("keeps every character the font covers", () => {
    const text = "Renée Dubois – Tomás Hernández • Zoë Müller “quoted” 12 °C €5 Œuvre";
    expect(fitToFont(text, winAnsiOnly)).toBe(text);
    expect(fitToFont("Łukasz Иван Γιώργος", () => true)).toBe("Łukasz Иван Γιώργος");
  });

  it("drops accents the font lacks, keeping one it has, and replaces letters without a decomposition", () => {
    expect(fitToFont("Łukasz Wróbel, Nguyễn Thị, Đorđe, Ștefan, Dvořák", winAnsiOnly)).toBe(
      "Lukasz Wróbel, Nguyên Thi, Dorde, Stefan, Dvorák",
    );
  });

  it("transliterates Greek and Cyrillic when the font has neither", () => {
    expect(fitToFont("Иван Петров", winAnsiOnly)).toBe("Ivan Petrov");
    expect(fitToFont("Γιώργος", winAnsiOnly)).toBe("Giorgos");
  });

  it("marks what it cannot represent instead of emitting a wrong glyph", () => {
    expect(fitToFont("王伟 → lead", winAnsiOnly)).toBe("?? -> lead");
  });
});
