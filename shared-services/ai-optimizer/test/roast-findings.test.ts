import { parseResumeText } from "@hireloop/resume-core";
import { describe, expect, it } from "vitest";
import { findRoastFindings } from "../src/roast/findings.ts";

const resume = (extra: string) =>
  parseResumeText(`Ana Ruiz
ana@example.com | 312-555-0187
Summary
Cloud engineer with 6 years.
Skills
Kubernetes, Terraform, AWS
Experience
Cloud Engineer — Acme
2019 – Present
- Cut deploy time by 40% with Terraform modules
- Ran 30 services on AWS
Education
B.S. Computer Science, State University
${extra}`);

describe("roast findings", () => {
  it("call a listed skill decorative only when nothing in the resume backs it", () => {
    const unbacked = findRoastFindings(resume("")).find((finding) => finding.kind === "unevidenced_skills");
    expect(unbacked?.examples).toEqual(["Kubernetes"]);
    const certified = resume("Certifications\n- Certified Kubernetes Administrator (CKA), 2023");
    expect(findRoastFindings(certified).map((finding) => finding.kind)).not.toContain("unevidenced_skills");
  });
});
