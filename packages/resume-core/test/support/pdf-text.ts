import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api.js";

export interface PlacedText {
  page: number;
  text: string;
  x: number;
  y: number;
}

export interface PdfContent {
  pages: number;
  pageWidth: number;
  items: PlacedText[];
  info: Record<string, unknown>;
}

/** Opens a PDF with pdf.js, the way a browser or an ATS text extractor would, and lists its text runs. */
export async function readPdf(bytes: Uint8Array): Promise<PdfContent> {
  const loadingTask = getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  });
  try {
    const document = await loadingTask.promise;
    const items: PlacedText[] = [];
    let pageWidth = 0;
    for (let page = 1; page <= document.numPages; page++) {
      const pdfPage = await document.getPage(page);
      pageWidth = pdfPage.getViewport({ scale: 1 }).width;
      const content = await pdfPage.getTextContent();
      for (const item of content.items) {
        if (!("str" in item) || (item as TextItem).str.trim() === "") continue;
        const { str, transform } = item as TextItem;
        items.push({ page, text: str, x: transform[4] ?? 0, y: transform[5] ?? 0 });
      }
    }
    const { info } = await document.getMetadata();
    return { pages: document.numPages, pageWidth, items, info: info as Record<string, unknown> };
  } finally {
    await loadingTask.destroy();
  }
}
