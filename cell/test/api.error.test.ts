import { json } from "@hireloop/testkit/client";
import { resumeFile, upload } from "@hireloop/testkit/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCell, type TestCell } from "./support/cell.ts";
import { scalar } from "./support/sql.ts";

let cell: TestCell;
beforeAll(async () => {
  cell = await startTestCell({ worker: false });
});
afterAll(async () => {
  await cell?.close();
});

async function storedRows(): Promise<number> {
  const count = await scalar(cell.deps.sql`
    select (select count(*) from resumes) + (select count(*) from outbox) as count`);
  return Number(count);
}

describe("bad resume files", () => {
  const cases: [string, string, string, number, string][] = [
    ["an empty file", "empty.pdf", "application/pdf", 422, "resume_empty"],
    ["a truncated PDF", "truncated.pdf", "application/pdf", 422, "resume_truncated"],
    ["an image renamed .pdf", "image-renamed.pdf", "application/pdf", 422, "resume_unreadable"],
    ["a scanned PDF without a text layer", "scanned.pdf", "application/pdf", 422, "resume_no_text_layer"],
    ["an encrypted PDF", "encrypted.pdf", "application/pdf", 422, "resume_encrypted"],
    [
      "a corrupt DOCX",
      "corrupt.docx",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      422,
      "resume_unreadable",
    ],
    ["random binary", "random.bin", "application/octet-stream", 422, "resume_unsupported_type"],
  ];
  for (const [name, file, type, status, code] of cases) {
    it(`refuses ${name} with ${status} ${code} and stores nothing`, async () => {
      const before = await storedRows();
      const res = await cell.as("alice")("/v1/resumes", upload(resumeFile(file), file, type));
      expect(res.status).toBe(status);
      expect((await res.json()).code).toBe(code);
      expect(await storedRows()).toBe(before);
    });
  }

  it("refuses a file over 5 MB with 413 and stores nothing", async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41);
    const res = await cell.as("alice")("/v1/resumes", upload(big, "big.txt", "text/plain"));
    expect(res.status).toBe(413);
    expect((await res.json()).code).toMatch(/^(resume_too_large|payload_too_large)$/);
    expect(await storedRows()).toBe(0);
  });

  it("refuses a body far over the limit without reading it", async () => {
    const huge = new Uint8Array(8 * 1024 * 1024).fill(0x41);
    const res = await cell.as("alice")("/v1/resumes", upload(huge, "huge.txt", "text/plain"));
    expect(res.status).toBe(413);
    expect((await res.json()).code).toBe("payload_too_large");
  });

  it("refuses pasted text with nothing to read, as the contract says: no visible character", async () => {
    for (const text of ["", "   ", "\n\t\u00a0\ufeff"]) {
      const res = await cell.as("alice")("/v1/resumes", json({ text }));
      expect(res.status, JSON.stringify(text)).toBe(400);
      expect((await res.json()).code).toBe("validation_failed");
    }
  });

  it("refuses an unsupported content type with 415", async () => {
    const res = await cell.as("alice")("/v1/resumes", {
      method: "POST",
      body: "hello",
      headers: { "content-type": "text/csv" },
    });
    expect(res.status).toBe(415);
    expect((await res.json()).code).toBe("unsupported_media_type");
  });
});

describe("validation", () => {
  it("names each invalid field", async () => {
    const res = await cell.as("alice")("/v1/matches", json({ resumeId: "not-a-uuid" }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe("validation_failed");
    expect(body.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["resumeId", "jobId"]),
    );
  });

  it("refuses a job description too short to analyze", async () => {
    const res = await cell.as("alice")("/v1/jobs", json({ text: "hi" }));
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("validation_failed");
  });

  it("refuses a tailoring of an unknown resume with 404", async () => {
    const res = await cell.as("alice")(
      "/v1/tailorings",
      json({ resumeId: crypto.randomUUID(), jobId: crypto.randomUUID(), format: "pdf" }),
    );
    expect(res.status).toBe(404);
  });

  it("answers unknown routes with the error shape", async () => {
    const res = await cell.request("/v2/nothing");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: "not_found", requestId: expect.any(String) });
  });
});
