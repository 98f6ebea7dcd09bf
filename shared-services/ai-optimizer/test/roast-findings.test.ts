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
  it("name each bullet they quote by its role and place", () => {
    const vague = parseResumeText(
      "Ana Ruiz\nana@example.com\nExperience\nDesigner — Acme\n2019 – 2021\n- Responsible for book covers\n- Designed posters\nClerk — Bolt\n2017 – 2019\n- Worked on filing",
    );
    const findings = findRoastFindings(vague);
    expect(findings.find((finding) => finding.kind === "weak_openers")?.bullets).toEqual([
      { role: 0, index: 0, text: "Responsible for book covers" },
      { role: 1, index: 0, text: "Worked on filing" },
    ]);
    expect(findings.find((finding) => finding.kind === "vague_bullets")?.bullets).toHaveLength(3);
    expect(findings.find((finding) => finding.kind === "missing_summary")?.bullets).toEqual([]);
  });

  it("call a listed skill decorative only when nothing in the resume backs it", () => {
    const unbacked = findRoastFindings(resume("")).find((finding) => finding.kind === "unevidenced_skills");
    expect(unbacked?.examples).toEqual(["Kubernetes"]);
    const certified = resume("Certifications\n- Certified Kubernetes Administrator (CKA), 2023");
    expect(findRoastFindings(certified).map((finding) => finding.kind)).not.toContain("unevidenced_skills");
  });
});
