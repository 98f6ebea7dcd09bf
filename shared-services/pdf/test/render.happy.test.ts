import { UploadKind } from "@hireloop/proto/pdf";
import { DocumentFormat } from "@hireloop/proto/resume";
import { extractResumeText } from "@hireloop/resume-core/documents";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleResumeProto, settings, startTestService, type TestService } from "./support/service.ts";

let service: TestService;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.stop());

const FORMATS = [
  { format: DocumentFormat.DOCUMENT_FORMAT_PDF, contentType: "application/pdf", magic: "%PDF-" },
  {
    format: DocumentFormat.DOCUMENT_FORMAT_DOCX,
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    magic: "PK",
  },
];

describe("Render over gRPC", () => {
  it("lists at least two templates and names the default", async () => {
    const { templates, defaultTemplate } = await service.client.listTemplates(settings());
    expect(templates.map((template) => template.name)).toEqual(["classic", "compact"]);
    expect(templates.every((template) => template.description.length > 20)).toBe(true);
    expect(defaultTemplate).toBe("classic");
  });

  it.each(FORMATS)(
    "renders $contentType in both templates, the same bytes for the same input",
    async (case_) => {
      const documents = new Map<string, Buffer>();
      for (const template of ["classic", "compact"]) {
        const request = { resume: sampleResumeProto(), format: case_.format, template };
        const first = await service.client.render(request, settings());
        const second = await service.client.render(request, settings());
        expect(first.contentType).toBe(case_.contentType);
        expect(first.template).toBe(template);
        expect(first.document.subarray(0, case_.magic.length).toString("latin1")).toBe(case_.magic);
        expect(second.document.equals(first.document)).toBe(true);
        documents.set(template, first.document);
      }
      expect(documents.get("classic")?.equals(documents.get("compact") ?? Buffer.alloc(0))).toBe(false);
    },
  );

  it("keeps a document to its source's pages when asked, tightening the style and cutting nothing", async () => {
    const source = sampleResumeProto();
    const firstRole = source.experience[0];
    if (!firstRole) throw new Error("the sample resume has a role");
    // The same resume with a role's bullets repeated until it spills onto a second page.
    const longer = {
      ...source,
      experience: [{ ...firstRole, bullets: Array.from({ length: 13 }, () => firstRole.bullets).flat() }],
    };
    const request = { resume: longer, format: DocumentFormat.DOCUMENT_FORMAT_PDF, template: "classic" };
    const pagesOf = async (document: Buffer) =>
      (await extractResumeText(new Uint8Array(document))).pages ?? 0;
    const plain = await service.client.render(request, settings());
    const kept = await service.client.render({ ...request, noLongerThan: source }, settings());
    expect(await pagesOf(plain.document)).toBeGreaterThan(1);
    expect(await pagesOf(kept.document)).toBe(1);
    const text = (await extractResumeText(new Uint8Array(kept.document))).text;
    for (const bullet of firstRole.bullets) expect(text).toContain(bullet.slice(0, 30));
  });

  it("uses the default template when the request names none", async () => {
    const request = { resume: sampleResumeProto(), format: DocumentFormat.DOCUMENT_FORMAT_PDF, template: "" };
    const unnamed = await service.client.render(request, settings());
    const classic = await service.client.render({ ...request, template: "classic" }, settings());
    expect(unnamed.template).toBe("classic");
    expect(unnamed.document.equals(classic.document)).toBe(true);
  });

  it("embeds its fonts in the PDF instead of relying on the reader's", async () => {
    const { document } = await service.client.render(
      { resume: sampleResumeProto(), format: DocumentFormat.DOCUMENT_FORMAT_PDF, template: "compact" },
      settings(),
    );
    const raw = document.toString("latin1");
    expect(raw.match(/\/FontFile2 /g)).toHaveLength(2);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSans-Bold/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });

  it.each(["Zoë Ångström", "Łukasz Żółkiewski", "Ștefan Dvořák", "Иван Петров"])(
    "keeps the name %s through render → parse, in PDF and DOCX",
    async (name) => {
      for (const { format } of FORMATS) {
        const rendered = await service.client.render(
          { resume: sampleResumeProto(name), format, template: "classic" },
          settings(),
        );
        const parsed = await service.client.parse(
          { file: rendered.document, filename: "", contentType: rendered.contentType },
          settings(),
        );
        expect(parsed.kind).toBe(
          format === DocumentFormat.DOCUMENT_FORMAT_PDF
            ? UploadKind.UPLOAD_KIND_PDF
            : UploadKind.UPLOAD_KIND_DOCX,
        );
        expect(parsed.resume?.contact?.name).toBe(name);
        expect(parsed.resume?.contact?.email).toBe("zoe@example.com");
        expect(parsed.resume?.skills).toEqual(expect.arrayContaining(["TypeScript", "PostgreSQL", "Kafka"]));
        expect(parsed.resume?.experience[0]).toMatchObject({ title: "Senior Software Engineer" });
        expect(parsed.resume?.otherSections).toContainEqual({
          heading: "Languages",
          lines: ["Swedish (native)", "English (fluent)"],
        });
      }
    },
  );
});
