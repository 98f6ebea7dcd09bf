import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/**
 * The PDF font: Liberation Sans (SIL Open Font License 1.1), which pdfjs-dist ships. It has the
 * metrics of Arial/Helvetica, so layouts match the DOCX (Arial) and ATS parsers see a familiar
 * sans-serif, and it covers Latin, Greek and Cyrillic. It is embedded (subset) in every PDF, so the
 * document looks the same on every machine instead of depending on the reader's Helvetica.
 */
export const PDF_FONT_FAMILY = "Liberation Sans";

/** Metric-compatible with Liberation Sans, on every machine that opens DOCX files and known to ATS parsers. */
export const DOCX_FONT_FAMILY = "Arial";

export interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

let loaded: FontFiles | undefined;

/** The TTF files, read once per process. */
export function pdfFontFiles(): FontFiles {
  if (loaded === undefined) {
    const fontsFolder = join(
      dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json")),
      "standard_fonts",
    );
    loaded = {
      regular: readFileSync(join(fontsFolder, "LiberationSans-Regular.ttf")),
      bold: readFileSync(join(fontsFolder, "LiberationSans-Bold.ttf")),
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

let fallbacks: Buffer[] | undefined;

/** The fallback fonts this machine has, read once per process, in the order to try them. */
export function pdfFallbackFonts(): Buffer[] {
  fallbacks ??= FALLBACK_FONT_PATHS.filter((path) => existsSync(path)).map((path) => readFileSync(path));
  return fallbacks;
}
