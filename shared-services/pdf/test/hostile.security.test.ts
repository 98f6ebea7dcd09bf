import { failureOf, status } from "@hireloop/grpc";
import { DocumentFormat } from "@hireloop/proto/resume";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  deeplyNestedPdf,
  docxWithParagraphs,
  endlessContentPdf,
  flateBombPdf,
  pageTreeLoopPdf,
  randomFile,
  truncatedStreamsPdf,
} from "./support/hostile.ts";
import { sampleResumeProto, settings, startTestService, type TestService } from "./support/service.ts";

const PARSE_TIMEOUT_MS = 2_000;
let service: TestService;
let goodPdf: Buffer;
beforeAll(async () => {
  service = await startTestService({ HL_PARSE_TIMEOUT_MS: String(PARSE_TIMEOUT_MS), HL_PARSE_WORKERS: "2" });
  const rendered = await service.client.render(
    { resume: sampleResumeProto(), format: DocumentFormat.DOCUMENT_FORMAT_PDF, template: "" },
    settings(),
  );
  goodPdf = rendered.document;
});
// Stopping waits for calls in flight and kills the workers; give it room on a loaded machine.
afterAll(() => service.stop(), 120_000);

const parse = (file: Buffer, filename = "") =>
  service.client.parse({ file, filename, contentType: "" }, settings(20_000));

async function expectGoodParse() {
  const parsed = await parse(goodPdf, "resume.pdf");
  expect(parsed.resume?.contact?.name).toBe("Zoë Ångström");
}

describe("hostile uploads fail only their own call, with a clear code", () => {
  it.each([
    [
      "100k nested arrays and dictionaries",
      () => deeplyNestedPdf(100_000),
      ["resume_unreadable", "resume_too_complex"],
    ],
    ["a page tree of two billion pages that loops", pageTreeLoopPdf, ["resume_unreadable"]],
    [
      "truncated streams behind a complete trailer",
      truncatedStreamsPdf,
      ["resume_unreadable", "resume_truncated"],
    ],
    ["a content stream of 48 MB of drawing operators", () => endlessContentPdf(48), ["resume_too_complex"]],
    ["a 512 MB flate bomb", () => flateBombPdf(512), ["resume_too_complex"]],
    ["a DOCX expanding to 200 MB (zip bomb)", () => docxWithParagraphs(200), ["resume_too_complex"]],
    [
      "a DOCX with 60 MB of paragraphs (heap exhaustion)",
      () => docxWithParagraphs(60),
      ["resume_too_complex"],
    ],
    ["random bytes named .pdf", () => randomFile(), ["resume_unreadable"]],
  ])("%s", async (_name, build, codes) => {
    const file = build();
    const started = Date.now();
    const failure = await parse(file, "resume.pdf").then(() => undefined, failureOf);

    expect(codes).toContain(failure?.code);
    expect([status.INVALID_ARGUMENT, status.RESOURCE_EXHAUSTED]).toContain(failure?.status);
    // Bounded by the parse time limit (plus a worker restart), never the caller's 20 s deadline.
    expect(Date.now() - started).toBeLessThan(PARSE_TIMEOUT_MS + 5_000);
    await expectGoodParse();
  });

  it("answers other calls while a hostile file runs, and the worker pool recovers its size", async () => {
    const hostile = parse(endlessContentPdf(48)).then(() => undefined, failureOf);
    const others = await Promise.all([
      parse(goodPdf),
      service.client.listTemplates(settings()),
      service.client.render(
        { resume: sampleResumeProto(), format: DocumentFormat.DOCUMENT_FORMAT_DOCX, template: "compact" },
        settings(),
      ),
    ]);
    expect(others[0].resume?.contact?.name).toBe("Zoë Ångström");
    expect(others[2].document.length).toBeGreaterThan(1_000);
    expect(await hostile).toMatchObject({ status: status.RESOURCE_EXHAUSTED, code: "resume_too_complex" });

    await expectGoodParse();
    await expectGoodParse();
    expect(await service.registry.metrics()).toMatch(/hl_pdf_parse_workers\{state="alive"[^}]*\} 2/);
  });

  it("stops a parse when its caller gives up, and keeps serving", async () => {
    const failure = await service.client
      .parse({ file: endlessContentPdf(48), filename: "", contentType: "" }, settings(300))
      .then(() => undefined, failureOf);
    expect(failure).toMatchObject({ status: status.DEADLINE_EXCEEDED });
    await expectGoodParse();
  });
});
