import { describe, expect, it } from "vitest";
import { parseResumeFile } from "../src/documents.ts";
import { extractResumeText, type UploadHint } from "../src/extract.ts";
import { MAX_RESUME_BYTES, ResumeError, type ResumeErrorCode } from "../src/types.ts";
import { fixtureBytes } from "./support/files.ts";

async function errorCodeOf(bytes: Uint8Array, hint: UploadHint = {}): Promise<ResumeErrorCode | "no error"> {
  try {
    await extractResumeText(bytes, hint);
    return "no error";
  } catch (error) {
    if (error instanceof ResumeError) return error.code;
    throw error;
  }
}

const ascii = (text: string) => new TextEncoder().encode(text);

describe("extractResumeText refuses bad uploads with their exact code", () => {
  it.each([
    ["empty.pdf", { filename: "empty.pdf" }, "resume_empty"],
    ["whitespace.txt", { filename: "whitespace.txt" }, "resume_empty"],
    ["whitespace.txt", { filename: "resume.pdf" }, "resume_empty"],
    ["image-renamed.pdf", { filename: "resume.pdf" }, "resume_unreadable"],
    ["image-renamed.pdf", { contentType: "application/pdf" }, "resume_unreadable"],
    ["image-renamed.pdf", {}, "resume_unsupported_type"],
    ["random.bin", { filename: "random.bin" }, "resume_unsupported_type"],
    ["random.bin", { filename: "cv.docx" }, "resume_unreadable"],
    ["truncated.pdf", { filename: "truncated.pdf" }, "resume_truncated"],
    ["encrypted.pdf", { filename: "encrypted.pdf" }, "resume_encrypted"],
    ["scanned.pdf", { filename: "scanned.pdf" }, "resume_no_text_layer"],
    ["corrupt.docx", { filename: "corrupt.docx" }, "resume_unreadable"],
  ] as const)("%s with hint %o → %s", async (file, hint, code) => {
    expect(await errorCodeOf(fixtureBytes(file), hint)).toBe(code);
  });

  it("refuses a file one byte over the limit before reading it", async () => {
    const bytes = new Uint8Array(MAX_RESUME_BYTES + 1).fill(0x41);
    expect(await errorCodeOf(bytes)).toBe("resume_too_large");
  });

  it("treats a PDF cut anywhere before its end marker as truncated", async () => {
    const full = fixtureBytes("software-engineer.pdf");
    for (const share of [0.1, 0.5, 0.9, 0.99]) {
      expect(await errorCodeOf(full.subarray(0, Math.floor(full.length * share)))).toBe("resume_truncated");
    }
  });

  it("calls a PDF with a complete tail but a broken body unreadable", async () => {
    const bytes = ascii("%PDF-1.7\nthis is not a PDF body at all\ntrailer\n%%EOF\n");
    expect(await errorCodeOf(bytes)).toBe("resume_unreadable");
  });

  it("calls a ZIP that is not a Word document unsupported, or unreadable when named .docx", async () => {
    const zipHeader = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...ascii("xl/workbook.xml and more bytes")]);
    expect(await errorCodeOf(zipHeader, { filename: "sheet.xlsx" })).toBe("resume_unsupported_type");
    expect(await errorCodeOf(zipHeader, { filename: "resume.docx" })).toBe("resume_unreadable");
  });

  it("recognises a password-protected Word file", async () => {
    const oleHeader = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    const stream = new Uint8Array(Buffer.from("EncryptedPackage", "utf16le"));
    const bytes = new Uint8Array([...oleHeader, ...new Uint8Array(64), ...stream]);
    expect(await errorCodeOf(bytes, { filename: "resume.docx" })).toBe("resume_encrypted");
    expect(await errorCodeOf(new Uint8Array([...oleHeader, 1, 2, 3]), { filename: "resume.doc" })).toBe(
      "resume_unsupported_type",
    );
  });

  it("does not take RTF or text named .pdf for plain text", async () => {
    expect(await errorCodeOf(ascii("{\\rtf1\\ansi Jane Doe}"))).toBe("resume_unsupported_type");
    expect(await errorCodeOf(ascii("Jane Doe\njane@example.com"), { filename: "resume.pdf" })).toBe(
      "resume_unreadable",
    );
  });

  it("refuses text with NUL bytes or invalid UTF-8", async () => {
    expect(await errorCodeOf(new Uint8Array([0x4a, 0x61, 0x00, 0x6e, 0x65]))).toBe("resume_unsupported_type");
    expect(await errorCodeOf(new Uint8Array([0x4a, 0xff, 0xfe, 0x6e]))).toBe("resume_unsupported_type");
  });
});

describe("parseResumeFile", () => {
  it("passes extraction errors through", async () => {
    await expect(parseResumeFile(fixtureBytes("scanned.pdf"))).rejects.toMatchObject({
      code: "resume_no_text_layer",
    });
  });

  it("calls text with no contact details and no sections unreadable", async () => {
    const prose = ascii("Once upon a time there was a fox.\nIt jumped over the lazy dog and ran away.\n");
    await expect(parseResumeFile(prose, { filename: "story.txt" })).rejects.toMatchObject({
      code: "resume_unreadable",
    });
  });
});
