import { failureOf, status } from "@hireloop/grpc";
import { DocumentFormat } from "@hireloop/proto/resume";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  sampleResumeProto,
  settings,
  startTestService,
  type TestService,
  uploadFixture,
} from "./support/service.ts";

let service: TestService;
beforeAll(async () => {
  service = await startTestService();
});
afterAll(() => service.stop());

const parseFailure = (file: Buffer, filename = "") =>
  service.client.parse({ file, filename, contentType: "" }, settings()).then(() => undefined, failureOf);

describe("Parse refuses bad uploads with resume-core's code and INVALID_ARGUMENT", () => {
  it.each([
    ["empty.pdf", "empty.pdf", "resume_empty"],
    ["whitespace.txt", "whitespace.txt", "resume_empty"],
    ["image-renamed.pdf", "resume.pdf", "resume_unreadable"],
    ["random.bin", "random.bin", "resume_unsupported_type"],
    ["truncated.pdf", "truncated.pdf", "resume_truncated"],
    ["encrypted.pdf", "encrypted.pdf", "resume_encrypted"],
    ["scanned.pdf", "scanned.pdf", "resume_no_text_layer"],
    ["corrupt.docx", "corrupt.docx", "resume_unreadable"],
  ])("%s named %s → %s", async (fixture, filename, code) => {
    const failure = await parseFailure(uploadFixture(fixture), filename);
    expect(failure).toMatchObject({ status: status.INVALID_ARGUMENT, code });
    expect(failure?.message).not.toBe("");
  });

  it("refuses a file over the size limit as resume_too_large", async () => {
    const failure = await parseFailure(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41));
    expect(failure).toMatchObject({ status: status.INVALID_ARGUMENT, code: "resume_too_large" });
  });

  it("parses a real PDF and DOCX upload", async () => {
    for (const fixture of ["software-engineer.pdf", "nurse.docx"]) {
      const parsed = await service.client.parse(
        { file: uploadFixture(fixture), filename: fixture, contentType: "" },
        settings(),
      );
      expect(parsed.resume?.contact?.name).not.toBe("");
      expect(parsed.resume?.experience.length).toBeGreaterThan(0);
    }
  });
});

describe("Render refuses bad requests", () => {
  const render = (request: Parameters<TestService["client"]["render"]>[0]) =>
    service.client.render(request, settings()).then(() => undefined, failureOf);

  it("names an unknown template", async () => {
    const failure = await render({
      resume: sampleResumeProto(),
      format: DocumentFormat.DOCUMENT_FORMAT_PDF,
      template: "fancy-two-column",
    });
    expect(failure).toMatchObject({ status: status.INVALID_ARGUMENT, code: "unknown_template" });
  });

  it("needs a resume and a format", async () => {
    expect(await render({ format: DocumentFormat.DOCUMENT_FORMAT_PDF, template: "" })).toMatchObject({
      status: status.INVALID_ARGUMENT,
      code: "invalid_request",
    });
    expect(
      await render({
        resume: sampleResumeProto(),
        format: DocumentFormat.DOCUMENT_FORMAT_UNSPECIFIED,
        template: "",
      }),
    ).toMatchObject({ status: status.INVALID_ARGUMENT, code: "invalid_request" });
  });

  it("refuses a resume too large to lay out on the service's thread", async () => {
    const resume = { ...sampleResumeProto(), summary: "word ".repeat(80_000) };
    const failure = await render({ resume, format: DocumentFormat.DOCUMENT_FORMAT_PDF, template: "" });
    expect(failure).toMatchObject({ status: status.INVALID_ARGUMENT, code: "resume_too_large" });
  });

  it("counts renders and parses by outcome in its metrics", async () => {
    const metrics = await service.registry.metrics();
    expect(metrics).toMatch(
      /hl_pdf_renders_total\{format="pdf",template="fancy-two-column",outcome="unknown_template"[^}]*\} 1/,
    );
    expect(metrics).toMatch(/hl_pdf_parses_total\{kind="unknown",outcome="resume_truncated"[^}]*\} 1/);
    expect(metrics).toMatch(/hl_pdf_parse_seconds_count\{[^}]*outcome="ok"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/hl_pdf_parse_workers\{state="alive"[^}]*\} 2/);
  });
});
