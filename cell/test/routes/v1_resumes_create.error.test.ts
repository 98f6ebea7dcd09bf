import { json } from "@hireloop/testkit/client";
import { resumeFile, textFixture, upload } from "@hireloop/testkit/fixtures";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";
import { scalar } from "../support/sql.ts";

const cell = useTestCell({ worker: false });

async function storedRows(): Promise<number> {
  const count = await scalar(cell.deps.sql`
    select (select count(*) from resumes) + (select count(*) from outbox) as count`);
  return Number(count);
}

describe("POST /v1/resumes", () => {
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
    const before = await storedRows();
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41);
    const res = await cell.as("alice")("/v1/resumes", upload(big, "big.txt", "text/plain"));
    expect(res.status).toBe(413);
    expect((await res.json()).code).toMatch(/^(resume_too_large|payload_too_large)$/);
    expect(await storedRows()).toBe(before);
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

  it("refuses a multipart upload whose file name or field name holds a NUL", async () => {
    // Written as RFC 8187 escapes, a NUL reaches the name once decoded: 400 invalid_text.
    const encoded = await cell.as("careless")("/v1/resumes", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=b" },
      body: `--b\r\nContent-Disposition: form-data; name="file"; filename*=utf-8''cv%00.txt\r\nContent-Type: text/plain\r\n\r\n${textFixture("resume.txt")}\r\n--b--\r\n`,
    });
    expect(encoded.status).toBe(400);
    expect(await encoded.json()).toMatchObject({
      code: "invalid_text",
      details: { where: "form.file (file name)" },
    });
    // A raw NUL in a part's header is no valid MIME header at all: 400 invalid_multipart.
    for (const [field, name] of [
      ["file", "cv\u0000.txt"],
      ["fi\u0000le", "cv.txt"],
    ] as const) {
      const form = new FormData();
      form.append(field, new File([textFixture("resume.txt")], name, { type: "text/plain" }));
      const res = await cell.as("careless")("/v1/resumes", { method: "POST", body: form });
      expect(res.status).toBe(400);
      expect((await res.json()).code).toBe("invalid_multipart");
    }
  });

  it("answers a resume upload with no body, or a body of another type, with 415 and a code", async () => {
    const none = await cell.as("careless")("/v1/resumes", { method: "POST" });
    expect(none.status).toBe(415);
    expect((await none.json()).code).toBe("unsupported_media_type");
    const plain = await cell.as("careless")("/v1/resumes", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: "Dana Doe",
    });
    expect(plain.status).toBe(415);
  });

  it("takes only a file in a multipart upload: a part without a name, or any other part, is refused", async () => {
    const body = (extra: string) =>
      `--b\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\n\r\n${textFixture("resume.txt")}\r\n--b\r\nContent-Disposition: form-data; ${extra}\r\n\r\nabc\r\n--b--\r\n`;
    for (const extra of ['name=""', 'name="note"']) {
      const res = await cell.as("careless")("/v1/resumes", {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=b" },
        body: body(extra),
      });
      expect(res.status, extra).toBe(400);
      expect(await res.json()).toMatchObject({
        code: "validation_failed",
        message: "file: only a file field is taken",
      });
    }
  });

  it("answers a multipart body that cannot be read with 400 invalid_multipart", async () => {
    const res = await cell.as("careless")("/v1/resumes", {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=xyz" },
      body: '--xyz\r\nContent-Disposition: form-data; name="file"\r\n\r\nno closing boundary',
    });
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("invalid_multipart");
  });

  it("takes pasted resume text up to 100,000 characters and refuses more, declared in the contract", async () => {
    const resume = textFixture("resume.txt");
    const long = `${resume}\n${"Built and ran payment systems. ".repeat(Math.floor((100_000 - resume.length - 1) / 31))}`;
    expect(long.length).toBeLessThanOrEqual(100_000);
    expect((await cell.as("long-resume")("/v1/resumes", json({ text: long }))).status).toBe(201);
    const tooLong = await cell.as("long-resume")(
      "/v1/resumes",
      json({ text: `${long}${"x".repeat(100_001 - long.length)}` }),
    );
    expect(tooLong.status).toBe(400);
    expect((await tooLong.json()).code).toBe("validation_failed");
  });
});
