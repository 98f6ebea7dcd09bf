import type { DocumentFormat, ParsedResume } from "../types.ts";
import { renderDocx } from "./docx.ts";
import { renderPdf } from "./pdf.ts";
import { TEMPLATES, type TemplateName } from "./styles.ts";

export type { TemplateName } from "./styles.ts";

export interface RenderOptions {
  template?: TemplateName;
}

/** Renders a resume as an ATS-friendly single-column document. Same input, same bytes. */
export function renderResume(
  resume: ParsedResume,
  format: DocumentFormat,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const style = TEMPLATES[options.template ?? "classic"];
  return format === "pdf" ? renderPdf(resume, style) : renderDocx(resume, style);
}
