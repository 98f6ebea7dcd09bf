/**
 * npm run eval:render [layout…] — prints the golden set's resumes in the layouts made by other
 * tools, and writes each document with its labels beside it under golden/documents/<layout>/:
 * HTML printed by Debian's chromium, DOCX written with the docx library, and that DOCX converted
 * to PDF by LibreOffice (Debian's libreoffice-writer-nogui). The documents are committed, so the
 * evaluation itself needs none of these tools.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DOCUMENTS_DIR, loadResumeSources } from "../golden/load.ts";
import { DOCX_LAYOUT, LIBREOFFICE_LAYOUT, renderDocxTable } from "./docx.ts";
import { HTML_LAYOUTS } from "./html.ts";

const only = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));

const scratch = mkdtempSync(join(tmpdir(), "hireloop-golden-"));
try {
  for (const layout of HTML_LAYOUTS.filter((layout) => only.length === 0 || only.includes(layout.name))) {
    const dir = join(DOCUMENTS_DIR, layout.name);
    mkdirSync(dir, { recursive: true });
    for (const source of loadResumeSources()) {
      const { html, labels } = layout.render(source);
      const page = join(scratch, `${source.id}.html`);
      writeFileSync(page, html);
      execFileSync(
        "chromium",
        [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--no-pdf-header-footer",
          `--print-to-pdf=${join(dir, `${source.id}.pdf`)}`,
          `file://${page}`,
        ],
        { stdio: "ignore", timeout: 60_000 },
      );
      writeFileSync(join(dir, `${source.id}.json`), `${JSON.stringify(labels, null, 2)}\n`);
      process.stdout.write(".");
    }
    console.log(` ${layout.name}`);
  }
  if (only.length === 0 || only.includes(DOCX_LAYOUT) || only.includes(LIBREOFFICE_LAYOUT)) {
    const docxDir = join(DOCUMENTS_DIR, DOCX_LAYOUT);
    const pdfDir = join(DOCUMENTS_DIR, LIBREOFFICE_LAYOUT);
    mkdirSync(docxDir, { recursive: true });
    mkdirSync(pdfDir, { recursive: true });
    for (const source of loadResumeSources()) {
      const { bytes, labels } = await renderDocxTable(source);
      writeFileSync(join(docxDir, `${source.id}.docx`), bytes);
      writeFileSync(join(docxDir, `${source.id}.json`), `${JSON.stringify(labels, null, 2)}\n`);
      execFileSync(
        "soffice",
        [
          "--headless",
          `-env:UserInstallation=file://${scratch}/profile`,
          "--convert-to",
          "pdf",
          "--outdir",
          pdfDir,
          join(docxDir, `${source.id}.docx`),
        ],
        { stdio: "ignore", timeout: 120_000 },
      );
      writeFileSync(join(pdfDir, `${source.id}.json`), `${JSON.stringify(labels, null, 2)}\n`);
      process.stdout.write(".");
    }
    console.log(` ${DOCX_LAYOUT}, ${LIBREOFFICE_LAYOUT}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
