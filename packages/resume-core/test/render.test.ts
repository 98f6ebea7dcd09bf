import { inflateRawSync } from "node:zlib";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { extractResumeText } from "../src/extract.ts";
import { renderResume } from "../src/render/index.ts";
import { TEMPLATES } from "../src/render/styles.ts";
import { resumeToText } from "../src/resume-text.ts";
import type { ExperienceEntry, ParsedResume } from "../src/types.ts";
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
    const resume = {
      ...sampleResume(),
      contact: { ...sampleResume().contact, headline: "Graphic Designer · Packaging" },
    };
    const pdf = await readPdf(await renderResume(resume, "pdf"));
    const text = pdf.items.map((item) => item.text).join("\n");

    expect(pdf.pages).toBe(1);
    expect(text).toContain("Renée Dubois-Łukasiewicz");
    expect(text).toContain("Graphic Designer · Packaging");
    for (const heading of HEADINGS) expect(pdf.items.map((item) => item.text)).toContain(heading);
    expect(text).toContain(resume.skills.join(", "));
    expect(text).toContain("Designed a Figma component library");
    expect(pdf.info.Title).toBe("Renée Dubois-Łukasiewicz — Resume");
  });

  it("prints a name in every script it is written in, read back from the PDF, and marks what no font has", async () => {
    for (const name of [
      "Zoë Ångström",
      "Łukasz Wróbel",
      "Иван Петров",
      "Γιώργος Παπαδόπουλος",
      "Ștefan Dvořák",
      "王伟 Wang",
      "山田 さくら",
      "김민준",
      "陳大文 (Chan Tai-man)",
      // Right to left: drawn reversed with joined letters, read back in reading order.
      "محمد علي",
      "דוד כהן",
      "Layla عبد الله",
    ]) {
      const resume = { ...sampleResume(), contact: { name, links: [] } };
      const { text } = await extractResumeText(await renderResume(resume, "pdf"));
      expect(text.split("\n")[0]).toBe(name);
    }
    const ethiopic = { ...sampleResume(), contact: { name: "አበበ Bikila", links: [] } };
    const { text } = await extractResumeText(await renderResume(ethiopic, "pdf"));
    expect(text.split("\n")[0]).toBe("??? Bikila");
  });

  it("embeds its fonts (subset TrueType), regular and bold, in both templates", async () => {
    for (const template of ["classic", "compact"] as const) {
      const raw = Buffer.from(await renderResume(sampleResume(), "pdf", { template })).toString("latin1");
      expect(raw.match(/\/FontFile2 /g)).toHaveLength(2);
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSans\b/);
      expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSans-Bold\b/);
      expect(raw).not.toContain("/Helvetica");
    }
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

  it("keeps a tailored resume to its source's pages by tightening the style, cutting nothing", async () => {
    // A source that just fits one page, and a longer version of it (a summary that grew).
    const base = sampleResume();
    const withBullets = (count: number) => {
      const bullets = Array.from(
        { length: count },
        (_, index) => `Bullet ${index + 1}: packaging and print work.`,
      );
      const resume = { ...base, experience: [{ ...base.experience[0], bullets } as ExperienceEntry] };
      return { ...resume, text: resumeToText(resume) };
    };
    let count = 1;
    while ((await readPdf(await renderResume(withBullets(count + 1), "pdf"))).pages === 1) count++;
    const source = withBullets(count);
    const longer = {
      ...source,
      summary: `${source.summary} ${source.summary}`,
      experience: source.experience.map((entry) => ({ ...entry, bullets: [...entry.bullets].reverse() })),
    };
    const tailored = { ...longer, text: resumeToText(longer) };
    expect((await readPdf(await renderResume(tailored, "pdf"))).pages).toBe(2);

    const kept = await readPdf(await renderResume(tailored, "pdf", { noLongerThan: source }));
    expect(kept.pages).toBe(1);
    const text = kept.items.map((item) => item.text).join(" ");
    for (const bullet of tailored.experience.flatMap((entry) => entry.bullets))
      expect(text.replace(/\s+/g, " ")).toContain(bullet.slice(0, 40));
  });

  it("renders each document as if it were the first: nothing carries over from the ones before", async () => {
    // "í" draws the dotless i as a part; "ı" is that glyph on its own. A glyph first met as a part
    // has no character, and a font shared as it stands would leave "ı" out of the next text.
    const named = (name: string) => ({ ...sampleResume(), contact: { name, links: [] } });
    await renderResume(named("Íñigo Martínez"), "pdf");
    const first = await renderResume(named("Yıldız Aydın"), "pdf");
    for (const name of ["Zoë Ångström", "王伟 Wang", "محمد علي"]) await renderResume(named(name), "pdf");
    const again = await renderResume(named("Yıldız Aydın"), "pdf");

    expect((await extractResumeText(first)).text.split("\n")[0]).toBe("Yıldız Aydın");
    expect(Buffer.from(again).equals(Buffer.from(first))).toBe(true);
  });

  it("embeds the fallback font for a name the main font cannot draw, as a subset", async () => {
    const raw = Buffer.from(
      await renderResume({ ...sampleResume(), contact: { name: "王伟 Wang", links: [] } }, "pdf"),
    ).toString("latin1");
    expect(raw.match(/\/FontFile2 /g)).toHaveLength(3);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DroidSansFallback/);
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

  it("declares the font it uses, with the PDF's font as the metric-compatible alternative", async () => {
    const bytes = Buffer.from(await renderResume(sampleResume(), "docx"));
    const fontTable = await zipEntryText(bytes, "word/fontTable.xml");
    const styles = await zipEntryText(bytes, "word/styles.xml");

    expect(fontTable).toContain('<w:font w:name="Arial"><w:altName w:val="Liberation Sans"/>');
    const declared = new Set([...styles.matchAll(/w:ascii="([^"]+)"/g)].map((match) => match[1]));
    expect([...declared]).toEqual(["Arial"]);
  });

  it("gives identical bytes for the same input, even across the zip clock's 2-second ticks", async () => {
    const first = await renderResume(sampleResume(), "docx");
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const second = await renderResume(sampleResume(), "docx");

    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});

/** One entry of a ZIP file, found through its central directory (DOCX files are ZIPs). */
async function zipEntryText(zip: Buffer, path: string): Promise<string> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let offset = zip.readUInt32LE(end + 16);
  for (let index = 0; index < zip.readUInt16LE(end + 10); index++) {
    const nameLength = zip.readUInt16LE(offset + 28);
    const name = zip.toString("utf8", offset + 46, offset + 46 + nameLength);
    if (name === path) {
      const method = zip.readUInt16LE(offset + 10);
      const size = zip.readUInt32LE(offset + 20);
      const local = zip.readUInt32LE(offset + 42);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString("utf8");
    }
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  throw new Error(`${path} is not in the ZIP file`);
}
