import { readFileSync } from "node:fs";
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
