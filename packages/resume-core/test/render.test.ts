import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { renderResume } from "../src/render/index.ts";
import { TEMPLATES } from "../src/render/styles.ts";
import { resumeToText } from "../src/resume-text.ts";
import type { ParsedResume } from "../src/types.ts";
import { readPdf } from "./support/pdf-text.ts";
import { sampleResume } from "./support/sample-resume.ts";

const HEADINGS = ["Summary", "Skills", "Experience", "Education"];

/** A resume long enough to need a second page, to exercise page breaks. */
function longResume(): ParsedResume {
  const base = sampleResume();
  const experience = Array.from({ length: 9 }, (_, index) => ({
    title: `Designer ${index + 1}`,
    company: `Studio Number ${index + 1}`,
    startDate: `Jan ${2000 + index}`,
    endDate: `Dec ${2000 + index}`,
    bullets: Array.from(
      { length: 4 },
      (_, bullet) =>
        `Bullet ${bullet + 1} of studio ${index + 1}: a long line about packaging, branding and print production that wraps onto a second line of text in the document.`,
    ),
  }));
  const resume = { ...base, experience };
  return { ...resume, text: resumeToText(resume) };
}

describe("renderResume pdf", () => {
  it("opens with pdf.js and holds the name, headings, skills and bullets as selectable text", async () => {
    const resume = sampleResume();
    const pdf = await readPdf(await renderResume(resume, "pdf"));
    const text = pdf.items.map((item) => item.text).join("\n");

    expect(pdf.pages).toBe(1);
    expect(text).toContain("Renée Dubois-Lukasiewicz");
    for (const heading of HEADINGS) expect(pdf.items.map((item) => item.text)).toContain(heading);
    expect(text).toContain(resume.skills.join(", "));
    expect(text).toContain("Designed a Figma component library");
    expect(pdf.info.Title).toBe("Renée Dubois-Łukasiewicz — Resume");
  });

  it("transliterates a name outside WinAnsi instead of drawing wrong glyphs", async () => {
    const resume = { ...sampleResume(), contact: { name: "Иван Петров", links: [] } };
    const pdf = await readPdf(await renderResume(resume, "pdf"));

    expect(pdf.items[0]?.text).toBe("Ivan Petrov");
  });

  it("is a single column: every line starts at the left margin or the bullet indent", async () => {
    for (const template of ["classic", "compact"] as const) {
      const { margin, bulletIndent } = TEMPLATES[template];
      const pdf = await readPdf(await renderResume(longResume(), "pdf", { template }));

      const lineStarts = new Map<string, number>();
      for (const item of pdf.items) {
        const line = `${item.page}:${Math.round(item.y)}`;
        lineStarts.set(line, Math.min(lineStarts.get(line) ?? Number.POSITIVE_INFINITY, item.x));
      }
      for (const x of lineStarts.values()) expect(x).toBeGreaterThanOrEqual(margin - 1);
      for (const x of lineStarts.values()) expect(x).toBeLessThanOrEqual(margin + bulletIndent + 1);
      // No text run starts in the right half, where a second column or right-aligned dates would be.
      expect(pdf.items.filter((item) => item.x > pdf.pageWidth / 2)).toEqual([]);
    }
  });

  it("breaks pages without losing or overprinting text", async () => {
    const resume = longResume();
    const pdf = await readPdf(await renderResume(resume, "pdf"));
    const text = pdf.items.map((item) => item.text).join(" ");

    expect(pdf.pages).toBeGreaterThan(1);
    for (const entry of resume.experience) expect(text).toContain(`${entry.title} — ${entry.company}`);
    const positions = pdf.items.map((item) => `${item.page}:${Math.round(item.x)}:${Math.round(item.y)}`);
    expect(new Set(positions).size).toBe(positions.length);
  });

  it("gives identical bytes for the same input, and different bytes per template", async () => {
    const first = await renderResume(sampleResume(), "pdf");
    const second = await renderResume(sampleResume(), "pdf");
    const compact = await renderResume(sampleResume(), "pdf", { template: "compact" });

    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(compact).equals(Buffer.from(first))).toBe(false);
  });
});

describe("renderResume docx", () => {
  it("opens with mammoth with the name, real headings, skills and bullets, and no tables", async () => {
    const resume = sampleResume();
    const bytes = Buffer.from(await renderResume(resume, "docx"));
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    const { value: html } = await mammoth.convertToHtml({ buffer: bytes });

    expect(text).toContain(resume.contact.name);
    for (const skill of resume.skills) expect(text).toContain(skill);
    for (const heading of HEADINGS) expect(html).toContain(`<h1>${heading}</h1>`);
    expect(html).toContain(
      "<li>Designed a Figma component library that cut social asset production time by 50%.</li>",
    );
    expect(html).not.toMatch(/<table|<img/);
  });

  it("gives identical bytes for the same input, even across the zip clock's 2-second ticks", async () => {
    const first = await renderResume(sampleResume(), "docx");
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const second = await renderResume(sampleResume(), "docx");

    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});
