import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { create, type Font } from "fontkit";

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
 */
export function documentFont(font: Font): Font {
  return Object.create(font, { _glyphs: { value: {}, writable: true } }) as Font;
}
