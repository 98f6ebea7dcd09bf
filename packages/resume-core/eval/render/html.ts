import type { ResumeSource } from "../golden/schema.ts";
import { labelsOf, type ResumeLabels, writeRange } from "./labels.ts";
import { HEADINGS, monthYearRanges } from "./words.ts";

/** A resume layout written as HTML, for a browser to print. */
export interface HtmlLayout {
  name: string;
  render(source: ResumeSource): { html: string; labels: ResumeLabels };
}

const escapeHtml = (value: string) =>
  value.replace(
    /[&<>"]/g,
    (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[char] ?? char,
  );

function page(lang: string, style: string, body: string): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><style>
@page { size: Letter; margin: 0.5in; }
body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; font-size: 9.5pt; line-height: 1.3; color: #222; margin: 0; }
h1 { font-size: 20pt; margin: 0; } h2 { font-size: 10.5pt; margin: 12pt 0 4pt; } ul { margin: 2pt 0 6pt 14pt; padding: 0; }
${style}</style></head><body>${body}</body></html>`;
}

const list = (items: string[]) =>
  items.length ? `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>` : "";

/**
 * Two columns: a shaded sidebar on the left (contact, skills, education, languages and the other
 * short sections) beside the main column (summary, experience). Entries: title in bold, then the
 * company and dates on one line. What the issue found failing: sidebar words merged into the
 * main column's lines.
 */
const sidebar: HtmlLayout = {
  name: "chromium-sidebar",
  render(source) {
    const words = HEADINGS[source.language];
    const writing = monthYearRanges(source.language);
    const side = [
      `<h2>${escapeHtml(words.skills)}</h2>`,
      ...source.skills.map(
        (group) => `${group.label ? `<b>${escapeHtml(group.label)}</b>` : ""}${list(group.items)}`,
      ),
      `<h2>${escapeHtml(words.education)}</h2>`,
      ...source.education.map(
        (school) =>
          `<p><b>${escapeHtml(school.institution)}</b>${school.degree ? `<br>${escapeHtml(school.degree)}` : ""}${
            school.start && school.end ? `<br>${school.start.slice(0, 4)} – ${school.end.slice(0, 4)}` : ""
          }</p>${list(school.details)}`,
      ),
      ...source.sections.map(
        (section) => `<h2>${escapeHtml(words[section.kind])}</h2>${list(section.entries)}`,
      ),
    ].join("");
    const main = [
      source.summary ? `<h2>${escapeHtml(words.summary)}</h2><p>${escapeHtml(source.summary)}</p>` : "",
      `<h2>${escapeHtml(words.experience)}</h2>`,
      ...source.experience.map(
        (role) =>
          `<div class="role"><b>${escapeHtml(role.title)}</b><br>${escapeHtml(role.company)}${
            role.location ? `, ${escapeHtml(role.location)}` : ""
          } <span class="dates">${escapeHtml(writeRange(writing, role.start, role.end))}</span>${list(role.bullets)}</div>`,
      ),
    ].join("");
    const { email, phone, location, links } = source.contact;
    const head = `<header><h1>${escapeHtml(source.name)}</h1>${source.headline ? `<div>${escapeHtml(source.headline)}</div>` : ""}</header>`;
    const contact = `<p>${[email, phone, location, ...links].map(escapeHtml).join("<br>")}</p>`;
    const html = page(
      source.language,
      `.grid { display: grid; grid-template-columns: 2.1in 1fr; gap: 0.3in; margin-top: 10pt; }
aside { background: #eef2f5; padding: 8pt; } .dates { float: right; color: #555; } .role { margin-bottom: 6pt; }`,
      `${head}<div class="grid"><aside>${contact}${side}</aside><main>${main}</main></div>`,
    );
    return { html, labels: labelsOf(source, writing) };
  },
};

/** One column, company in small capitals under the title, dates at the right edge of the title's line. */
const single: HtmlLayout = {
  name: "chromium-single",
  render(source) {
    const words = HEADINGS[source.language];
    const writing = monthYearRanges(source.language);
    const { email, phone, location, links } = source.contact;
    const body = [
      `<h1>${escapeHtml(source.name)}</h1>`,
      source.headline ? `<div>${escapeHtml(source.headline)}</div>` : "",
      `<div class="contact">${[email, phone, location, ...links].map(escapeHtml).join(" · ")}</div>`,
      source.summary ? `<h2>${escapeHtml(words.summary)}</h2><p>${escapeHtml(source.summary)}</p>` : "",
      `<h2>${escapeHtml(words.experience)}</h2>`,
      ...source.experience.map(
        (role) =>
          `<div class="line"><b>${escapeHtml(role.title)}</b><span>${escapeHtml(writeRange(writing, role.start, role.end))}</span></div>` +
          `<div class="line company"><span>${escapeHtml(role.company)}</span><span>${escapeHtml(role.location ?? "")}</span></div>${list(role.bullets)}`,
      ),
      `<h2>${escapeHtml(words.education)}</h2>`,
      ...source.education.map(
        (school) =>
          `<div class="line"><b>${escapeHtml(school.institution)}</b><span>${
            school.end ? escapeHtml(school.end.slice(0, 4)) : ""
          }</span></div>${school.degree ? `<div>${escapeHtml(school.degree)}</div>` : ""}${list(school.details)}`,
      ),
      `<h2>${escapeHtml(words.skills)}</h2>`,
      ...source.skills.map(
        (group) =>
          `<p>${group.label ? `<b>${escapeHtml(group.label)}:</b> ` : ""}${group.items.map(escapeHtml).join(", ")}</p>`,
      ),
      ...source.sections.map(
        (section) => `<h2>${escapeHtml(words[section.kind])}</h2>${list(section.entries)}`,
      ),
    ].join("");
    const html = page(
      source.language,
      `h2 { text-transform: uppercase; border-bottom: 1px solid #999; letter-spacing: 0.5pt; }
.line { display: flex; justify-content: space-between; } .company { font-variant: small-caps; }
.contact { margin-top: 4pt; color: #444; }`,
      body,
    );
    return { html, labels: labelsOf(source, writing) };
  },
};

export const HTML_LAYOUTS: HtmlLayout[] = [sidebar, single];
