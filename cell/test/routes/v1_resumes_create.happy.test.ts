import { resumeFile, upload } from "@hireloop/testkit/fixtures";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";

const cell = useTestCell({ worker: false });

describe("POST /v1/resumes", () => {
  it("parses PDF and DOCX uploads", async () => {
    const bob = cell.as("bob");
    const pdf = await bob(
      "/v1/resumes",
      upload(resumeFile("software-engineer.pdf"), "cv.pdf", "application/pdf"),
    );
    expect(pdf.status).toBe(201);
    const pdfBody = await pdf.json();
    expect(pdfBody.kind).toBe("pdf");
    expect(pdfBody.sections.skills.length).toBeGreaterThan(3);
    expect(pdfBody.sections.experience.length).toBeGreaterThan(0);

    const docx = await bob("/v1/resumes", upload(resumeFile("nurse.docx"), "cv.docx"));
    expect(docx.status).toBe(201);
    const docxBody = await docx.json();
    expect(docxBody.kind).toBe("docx");
    expect(docxBody.sections.experience.length).toBeGreaterThan(0);

    const again = await bob(`/v1/resumes/${docxBody.id}`);
    expect(await again.json()).toEqual(docxBody);
  });
});
