export type TemplateName = "classic" | "compact";

/** Sizes in points. Both templates are single column with the same order; compact fits more per page. */
export interface TemplateStyle {
  margin: number;
  nameSize: number;
  contactSize: number;
  headingSize: number;
  bodySize: number;
  lineGap: number;
  /** Space before a section heading and before each entry. */
  sectionGap: number;
  entryGap: number;
  bulletIndent: number;
}

export const TEMPLATES: Record<TemplateName, TemplateStyle> = {
  classic: {
    margin: 54,
    nameSize: 20,
    contactSize: 9.5,
    headingSize: 12,
    bodySize: 10.5,
    lineGap: 2,
    sectionGap: 12,
    entryGap: 7,
    bulletIndent: 12,
  },
  compact: {
    margin: 40,
    nameSize: 16,
    contactSize: 8.5,
    headingSize: 10.5,
    bodySize: 9.5,
    lineGap: 1,
    sectionGap: 8,
    entryGap: 4,
    bulletIndent: 10,
  },
};

/** What each template is for, in the words a template picker shows. */
export const TEMPLATE_DESCRIPTIONS: Record<TemplateName, string> = {
  classic:
    "Single column, generous spacing and 10.5 pt body text: the safest layout for ATS parsers and readers",
  compact:
    "Single column with tighter margins and 9.5 pt body text, for long histories that should fit fewer pages",
};

export const DEFAULT_TEMPLATE: TemplateName = "classic";

/** Fixed document dates, so the same resume always gives the same bytes (caching, diffing, tests). */
export const FIXED_DOCUMENT_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));
