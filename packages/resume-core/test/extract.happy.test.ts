import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, TextRun } from "docx";
import { describe, expect, it } from "vitest";
import { extractResumeText } from "../src/extract.ts";
import { normalizeText } from "../src/normalize.ts";
import { fixtureBytes } from "./support/files.ts";

describe("extractResumeText", () => {
  it("reads a PDF's text layer line by line, right-aligned dates on their role's line", async () => {
    const result = await extractResumeText(fixtureBytes("software-engineer.pdf"), { filename: "cv.pdf" });
    expect(result.kind).toBe("pdf");
    expect(result.pages).toBe(1);
    const lines = result.text.split("\n");
    expect(lines[0]).toBe("Jane Doe");
    // Dates set against the right edge are a field of the line, apart by a tab.
    expect(lines).toContain("Senior Software Engineer — Acme Payments\tJan 2019 – Present");
    expect(lines).toContain("- Migrated billing to Postgres, cutting invoice latency by 40%");
    // Headings set larger than the body are marked as headings, and come before what they head.
    expect(lines.indexOf("# EDUCATION")).toBeLessThan(lines.indexOf("B.S. Computer Science"));
    expect(lines.indexOf("# PROFESSIONAL EXPERIENCE")).toBeLessThan(lines.indexOf("# EDUCATION"));
  });

  it("reads ligatures whose font maps them to no letter (NUL) as their letters", async () => {
    const { text } = await extractResumeText(fixtureBytes("ligatures-unmapped.pdf"), { filename: "cv.pdf" });
    expect(
      [...text].filter((char) => (char < " " && char !== "\n" && char !== "\t") || char === "\uFFFD"),
    ).toEqual([]);
    expect(text).toContain("Certified financial analyst, fluent in budgeting workflows.");
    expect(text).toContain("- Built the profit and loss flash report used by five teams");
    expect(text).toContain("Excel, SQL, financial modeling, cash flow forecasting");
  });

  it("reads Arabic and Hebrew in reading order, as letters, from a browser's right-to-left PDF", async () => {
    const { text } = await extractResumeText(fixtureBytes("right-to-left-chromium.pdf"), {
      filename: "cv.pdf",
    });
    // No presentation forms (the shapes drawn), and every line as it is read, not as it is drawn.
    expect(text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFC]/u);
    const lines = text.split("\n").filter((line) => line.trim() !== "");
    expect(lines).toEqual(
      expect.arrayContaining([
        "محمد علي",
        "مهندس برمجيات في شركة النور للتقنية منذ 2019",
        "بنيت واجهات برمجية بلغة Python لخدمة الدفع",
        "بكالوريوس علوم الحاسب، جامعة الملك سعود",
        "Exchange semester: האוניברסיטה העברית, Jerusalem",
      ]),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^mohamed\.ali@example\.com · \+966 55 123 4567 · الرياض$/u),
    );
  });

  it("leaves the caller's bytes usable (pdf.js detaches the buffer it is given)", async () => {
    const bytes = fixtureBytes("software-engineer.pdf");
    await extractResumeText(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    await expect(extractResumeText(bytes)).resolves.toMatchObject({ kind: "pdf" });
  });

  it("accepts a Node Buffer, as a file read or an HTTP body gives it", async () => {
    const buffer = Buffer.from(fixtureBytes("software-engineer.pdf"));
    await expect(extractResumeText(buffer)).resolves.toMatchObject({ kind: "pdf", pages: 1 });
    expect(buffer.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });

  it("detects by content, not by name: a PDF named .docx is read as a PDF", async () => {
    const result = await extractResumeText(fixtureBytes("software-engineer.pdf"), {
      filename: "resume.docx",
    });
    expect(result.kind).toBe("pdf");
  });

  it("reads a DOCX and keeps Word list items as '- ' bullets", async () => {
    const result = await extractResumeText(fixtureBytes("nurse.docx"), { filename: "nurse.docx" });
    expect(result.kind).toBe("docx");
    expect(result.pages).toBeUndefined();
    expect(result.text.split("\n")).toEqual(
      expect.arrayContaining([
        "Maria Garcia",
        "Registered Nurse at Northwestern Memorial Hospital",
        "- Provided care for 5-6 patients per shift on a cardiac step-down unit",
        "Licenses & Certifications",
      ]),
    );
  });

  it("reads a DOCX's numbered list items, as Word numbers them, as '- ' items", async () => {
    const numbered = (text: string) =>
      new Paragraph({ text, numbering: { reference: "achievements", level: 0 } });
    const document = new Document({
      numbering: {
        config: [
          {
            reference: "achievements",
            levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: "Payments Engineer — Acme" }),
            numbered("Built the ledger"),
            numbered("Cut p95 latency by 40%"),
          ],
        },
      ],
    });
    const { text } = await extractResumeText(new Uint8Array(await Packer.toBuffer(document)));
    expect(text.split("\n")).toEqual([
      "Payments Engineer — Acme",
      "- Built the ledger",
      "- Cut p95 latency by 40%",
    ]);
  });

  it("marks a DOCX's section headings by their Word heading style, not the job titles in another", async () => {
    const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
      new Paragraph({ heading: level, children: [new TextRun(text)] });
    const body = (text: string) => new Paragraph({ children: [new TextRun(text)] });
    const document = new Document({
      sections: [
        {
          children: [
            body("Dana Doe"),
            heading("Experience", HeadingLevel.HEADING_2),
            heading("Payments Engineer — Acme", HeadingLevel.HEADING_3),
            body("2021 – Present"),
            heading("Platform Engineer — Globex", HeadingLevel.HEADING_3),
            heading("Skills", HeadingLevel.HEADING_2),
            body("Go, Kafka"),
          ],
        },
      ],
    });
    const bytes = new Uint8Array(await Packer.toBuffer(document));
    const { text } = await extractResumeText(bytes);
    expect(text.split("\n")).toEqual([
      "Dana Doe",
      "# Experience",
      "Payments Engineer — Acme",
      "2021 – Present",
      "Platform Engineer — Globex",
      "# Skills",
      "Go, Kafka",
    ]);
  });

  it("reads UTF-8 text (with a byte order mark) as text", async () => {
    const bytes = new TextEncoder().encode("\uFEFFRenée Dubois\r\n• Typography\r\n");
    const result = await extractResumeText(bytes, { filename: "cv.txt", contentType: "text/plain" });
    expect(result).toEqual({ kind: "text", text: "Renée Dubois\n- Typography" });
  });
});

describe("normalizeText", () => {
  it("unifies list markers to '- ' at the start of a line only", () => {
    const input = ["• one", "▪two", "– three", "* four", "\uF0B7 five", "-six", "a – b", "- "].join("\n");
    expect(normalizeText(input).split("\n")).toEqual([
      "- one",
      "- two",
      "- three",
      "- four",
      "- five",
      "-six",
      "a – b",
    ]);
  });

  it("applies NFKC, collapses spaces, trims lines and blank runs", () => {
    const input = "  ﬁnance\u00A0\u00A0and  ops \t\n\n\n\nＡＷＳ  \n\n";
    expect(normalizeText(input)).toBe("finance and ops\n\nAWS");
  });

  it("keeps a tab, or a run of three or more spaces, as one tab between a line's fields", () => {
    expect(normalizeText("Acme Payments      Chicago, IL\nEngineer \t 2021 – Present")).toBe(
      "Acme Payments\tChicago, IL\nEngineer\t2021 – Present",
    );
  });
});
