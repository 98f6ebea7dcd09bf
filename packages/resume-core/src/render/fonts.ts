import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { create, type Font, type Glyph, type GlyphRun } from "fontkit";
import { TrueTypeFile, TrueTypeSubset } from "./subset.ts";

/**
 * The PDF font: Liberation Sans (SIL Open Font License 1.1), which pdfjs-dist ships. It has the
 * metrics of Arial/Helvetica, so layouts match the DOCX (Arial) and ATS parsers see a familiar
 * sans-serif, and it covers Latin, Greek and Cyrillic. It is embedded (subset) in every PDF, so the
 * document looks the same on every machine instead of depending on the reader's Helvetica.
 */
export const PDF_FONT_FAMILY = "Liberation Sans";

/** Metric-compatible with Liberation Sans, on every machine that opens DOCX files and known to ATS parsers. */
export const DOCX_FONT_FAMILY = "Arial";

export interface PdfFonts {
  regular: Font;
  bold: Font;
}

let loaded: PdfFonts | undefined;

/**
 * The TTF files, read and parsed once per process: fontkit decodes a table (character map, glyph
 * offsets, metrics, layout rules) when it is first asked for and keeps it, so a render pays only
 * for its own glyphs. Hand pdfkit a documentFont of each, never the font itself.
 */
export function pdfFonts(): PdfFonts {
  if (loaded === undefined) {
    const fontsFolder = join(
      dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
      "standard_fonts",
    );
    loaded = {
      regular: parsedFont(join(fontsFolder, "LiberationSans-Regular.ttf")),
      bold: parsedFont(join(fontsFolder, "LiberationSans-Bold.ttf")),
    };
  }
  return loaded;
}

/**
 * The fallbacks for what Liberation Sans cannot draw, tried in order: Droid Sans Fallback (Apache
 * License 2.0, Debian's fonts-droid-fallback) for Chinese and Japanese, Nanum Gothic (SIL Open
 * Font License 1.1, fonts-nanum) for Korean, and DejaVu Sans (free license, fonts-dejavu-core) for
 * Hebrew and Arabic, whose letters it joins (its shaping tables, applied by fontkit) and the
 * symbols the others lack. Only the glyphs a resume uses are embedded. `infra/local/install.sh`
 * installs them, and the pdf service's image must; a machine without them prints "?" for those
 * scripts, as before.
 */
export const FALLBACK_FONT_PATHS = [
  "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
  "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
];

let fallbacks: Font[] | undefined;

/** The fallback fonts this machine has, read and parsed once per process, in the order to try them. */
export function pdfFallbackFonts(): Font[] {
  fallbacks ??= FALLBACK_FONT_PATHS.filter((path) => existsSync(path)).map(parsedFont);
  return fallbacks;
}

function parsedFont(path: string): Font {
  const font = create(readFileSync(path));
  if (!("layout" in font)) throw new Error(`${path} is a font collection, not one font`);
  return font;
}

/**
 * One document's view of a parsed font: the parsed tables are shared, the glyph objects are its
 * own. fontkit keeps a glyph object per glyph id (in `_glyphs`), and the object remembers the
 * characters it was first made for: pdfkit writes those into the PDF's ToUnicode map, and fontkit's
 * layout marks a glyph made for a combining character as a mark. Shared across documents, a glyph
 * first made without characters (as the component of an accented letter, say) would lose "ı" from
 * the next document's text, and the same resume would give different bytes depending on what was
 * rendered before it.
 *
 * What does not depend on a glyph's characters is worked out once per process and shared (see
 * FontWork): the font file's tables for subsets, each glyph's metrics, and how each word is shaped.
 */
export function documentFont(font: Font): Font {
  const work = workOf(font);
  return Object.create(font, {
    _glyphs: { value: {}, writable: true },
    getGlyph: {
      value(this: Font, id: number, characters?: number[]): Glyph {
        const known = (this as unknown as FontInternals)._glyphs[id];
        if (known !== undefined) return known;
        const glyph = font.getGlyph.call(this, id, characters) as Glyph & GlyphInternals;
        const metrics = work.metrics.get(id) ?? glyph._getMetrics();
        work.metrics.set(id, metrics);
        glyph._metrics = metrics;
        return glyph;
      },
    },
    createSubset: {
      value(this: Font): unknown {
        return work.file === undefined ? font.createSubset.call(this) : new TrueTypeSubset(work.file);
      },
    },
    layout: {
      value(this: Font, text: string, ...options: unknown[]): GlyphRun {
        if (options.some((option) => option !== undefined)) {
          return (font.layout as (...args: unknown[]) => GlyphRun).call(this, text, ...options);
        }
        const shaped = work.words.get(text);
        if (shaped !== undefined) return runOf(this, shaped);
        const run = font.layout.call(this, text);
        remember(work.words, text, {
          glyphs: run.glyphs.map(({ id, codePoints }) => ({ id, codePoints })),
          positions: Float64Array.from(
            run.positions.flatMap(({ xAdvance, yAdvance, xOffset, yOffset }) => [
              xAdvance,
              yAdvance,
              xOffset,
              yOffset,
            ]),
          ),
        });
        return run;
      },
    },
  }) as Font;
}

/**
 * A parsed font's work that every document can share. A glyph's metrics depend on its id alone
 * (fontkit reads its bounding box for them). Shaping a word (fontkit's OpenType layout:
 * substitutions, kerning) depends on the word alone, and costs a shaping plan per call; a
 * person's tailored resumes are mostly the same words, so the shapes of the most recent words are
 * kept, as glyph ids and positions.
 */
interface FontWork {
  /** The font file, for subsets written from its bytes (subset.ts); fontkit's subsetter otherwise. */
  file: TrueTypeFile | undefined;
  metrics: Map<number, GlyphMetrics>;
  words: Map<string, ShapedWord>;
}

interface ShapedWord {
  glyphs: Array<{ id: number; codePoints: number[] }>;
  /** Each glyph's x advance, y advance, x offset and y offset, one after the other. */
  positions: Float64Array;
}

/** Words whose shapes each font keeps; the oldest is forgotten first. */
const SHAPED_WORDS = 20_000;

const fontWork = new WeakMap<Font, FontWork>();

function workOf(font: Font): FontWork {
  let work = fontWork.get(font);
  if (work === undefined) {
    work = { file: TrueTypeFile.of(font), metrics: new Map(), words: new Map() };
    fontWork.set(font, work);
  }
  return work;
}

function remember(words: Map<string, ShapedWord>, text: string, shaped: ShapedWord): void {
  if (words.size >= SHAPED_WORDS) words.delete(words.keys().next().value as string);
  words.set(text, shaped);
}

/** A shaped word as a run of this document's glyphs, with positions of its own (pdfkit scales them). */
function runOf(font: Font, shaped: ShapedWord): GlyphRun {
  const stored = shaped.positions;
  const positions: Position[] = [];
  for (let k = 0; k < stored.length; k += 4) {
    positions.push(new Position(stored[k] ?? 0, stored[k + 1] ?? 0, stored[k + 2] ?? 0, stored[k + 3] ?? 0));
  }
  return {
    glyphs: shaped.glyphs.map(({ id, codePoints }) => font.getGlyph(id, codePoints)),
    positions,
    get advanceWidth() {
      let width = 0;
      for (const position of positions) width += position.xAdvance;
      return width;
    },
  } as GlyphRun;
}

/** A glyph's position in a run, as fontkit's GlyphPosition has it. */
class Position {
  constructor(
    public xAdvance: number,
    public yAdvance: number,
    public xOffset: number,
    public yOffset: number,
  ) {}
}

/** fontkit's own members that documentFont works with; its types do not declare them. */
interface FontInternals {
  _glyphs: Record<number, Glyph>;
}

interface GlyphMetrics {
  advanceWidth: number;
  leftBearing: number;
}

interface GlyphInternals {
  _getMetrics(): GlyphMetrics;
  _metrics: GlyphMetrics;
}
