import { create, type Font } from "fontkit";
import { describe, expect, it } from "vitest";
import { pdfFallbackFonts, pdfFonts } from "../src/render/fonts.ts";
import { TrueTypeFile, TrueTypeSubset } from "../src/render/subset.ts";

/** Accented letters that fonts draw as composites of a base letter and a mark, and plain ones. */
const TEXT = "Añé Łódź Çà ÿ Ω Ж 123 Résumé — “quoted” 张伟 김민준 שלום";

function subsetOf(font: Font, text: string) {
  const file = TrueTypeFile.of(font);
  if (file === undefined) throw new Error("not a TrueType font");
  const subset = new TrueTypeSubset(file);
  for (const glyph of font.glyphsForString(text)) subset.includeGlyph(glyph.id);
  const bytes = subset.encode();
  return { subset, bytes, parsed: create(Buffer.from(bytes)) as Font };
}

function wordsOf(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let sum = 0;
  for (let offset = 0; offset < bytes.byteLength; offset += 4) sum = (sum + view.getUint32(offset)) >>> 0;
  return sum;
}

/** Whether the font stores the glyph as a composite of others (a negative contour count). */
function isComposite(font: Font, id: number): boolean {
  const stored = (TrueTypeFile.of(font) as TrueTypeFile).glyph(id);
  return stored.byteLength >= 2 && new DataView(stored.buffer, stored.byteOffset).getInt16(0) < 0;
}

describe("TrueTypeSubset", () => {
  const fonts = [pdfFonts().regular, pdfFonts().bold, ...pdfFallbackFonts()];

  it.each(fonts.map((font) => [font.postscriptName, font] as const))(
    "%s: every glyph draws and advances as in the full font, composites included",
    (_name, font) => {
      const { subset, bytes, parsed } = subsetOf(font, TEXT);
      expect(parsed.numGlyphs).toBe(subset.glyphs.length);
      for (const [index, id] of subset.glyphs.entries()) {
        expect(parsed.getGlyph(index).path.toSVG()).toBe(font.getGlyph(id).path.toSVG());
        expect(parsed.getGlyph(index).advanceWidth).toBe(font.getGlyph(id).advanceWidth);
      }
      // The whole file sums to the value the head table's adjustment aims at.
      expect(wordsOf(bytes)).toBe(0xb1b0afba);
    },
  );

  it("renumbers a composite's components, which join the subset after the glyphs asked for", () => {
    const font = pdfFonts().regular;
    const { subset, parsed } = subsetOf(font, "é");
    const [, accented] = subset.glyphs;
    expect(isComposite(font, accented as number)).toBe(true);
    expect(subset.glyphs.length).toBeGreaterThan(2);
    expect(parsed.getGlyph(1).path.toSVG()).toBe(font.getGlyph(accented as number).path.toSVG());
    expect(parsed.getGlyph(1).path.commands.length).toBeGreaterThan(0);
  });
});
