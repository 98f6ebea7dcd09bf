import type { DocumentFormat, ParsedResume } from "../types.ts";
import { renderDocx } from "./docx.ts";
import { renderPdf } from "./pdf.ts";
import { DEFAULT_TEMPLATE, TEMPLATES, type TemplateName, type TemplateStyle } from "./styles.ts";

export { DEFAULT_TEMPLATE, TEMPLATE_DESCRIPTIONS, type TemplateName } from "./styles.ts";

/** Whether a name from outside (a request, a setting) is one of the templates. */
export function isTemplateName(name: string): name is TemplateName {
  return Object.hasOwn(TEMPLATES, name);
}

export interface RenderOptions {
  template?: TemplateName;
  /**
   * A PDF no longer than this resume's in the same template (a tailoring and its source: a
   * one-page resume stays one page). Spacing, then type, is tightened step by step until it fits;
   * nothing is cut. The DOCX gets the style the PDF needed (ADR 0028).
   */
  noLongerThan?: ParsedResume;
}

/** Tighter versions of a style, each a little denser than the one before; the last is the floor. */
const TIGHTER = [
  { space: 0.8, type: 0, margin: 0.9 },
  { space: 0.6, type: 0.5, margin: 0.8 },
  { space: 0.45, type: 1, margin: 0.7 },
] as const;

function tightened(style: TemplateStyle, step: (typeof TIGHTER)[number]): TemplateStyle {
  return {
    ...style,
    margin: Math.max(MIN_MARGIN, style.margin * step.margin),
    nameSize: style.nameSize - 2 * step.type,
    contactSize: Math.max(MIN_TYPE, style.contactSize - step.type),
    headingSize: style.headingSize - step.type,
    bodySize: Math.max(MIN_TYPE, style.bodySize - step.type),
    lineGap: style.lineGap * step.space,
    sectionGap: style.sectionGap * step.space,
    entryGap: style.entryGap * step.space,
  };
}

/** Nothing smaller than 8.5 pt type or half-inch margins: past that a resume stops being readable. */
const MIN_TYPE = 8.5;
const MIN_MARGIN = 36;

/** Renders a resume as an ATS-friendly single-column document. Same input, same bytes. */
export async function renderResume(
  resume: ParsedResume,
  format: DocumentFormat,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const style = await fittingStyle(
    resume,
    TEMPLATES[options.template ?? DEFAULT_TEMPLATE],
    options.noLongerThan,
  );
  return format === "pdf" ? (await renderPdf(resume, style)).document : renderDocx(resume, style);
}

async function fittingStyle(
  resume: ParsedResume,
  style: TemplateStyle,
  source: ParsedResume | undefined,
): Promise<TemplateStyle> {
  if (source === undefined) return style;
  const limit = (await renderPdf(source, style)).pages;
  let fitted = style;
  for (const step of [undefined, ...TIGHTER]) {
    fitted = step === undefined ? style : tightened(style, step);
    if ((await renderPdf(resume, fitted)).pages <= limit) return fitted;
  }
  return fitted;
}
