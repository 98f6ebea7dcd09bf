import type { DocumentFormat, ParsedResume } from "../types.ts";
import { renderDocx } from "./docx.ts";
import { renderPdf } from "./pdf.ts";
import { DEFAULT_TEMPLATE, TEMPLATES, type TemplateName } from "./styles.ts";

export { DEFAULT_TEMPLATE, TEMPLATE_DESCRIPTIONS, type TemplateName } from "./styles.ts";

/** Whether a name from outside (a request, a setting) is one of the templates. */
export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

export interface RenderOptions {
  template?: TemplateName;
}

/** Renders a resume as an ATS-friendly single-column document. Same input, same bytes. */
export function renderResume(
  resume: ParsedResume,
  format: DocumentFormat,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const style = TEMPLATES[options.template ?? DEFAULT_TEMPLATE];
  return format === "pdf" ? renderPdf(resume, style) : renderDocx(resume, style);
}
