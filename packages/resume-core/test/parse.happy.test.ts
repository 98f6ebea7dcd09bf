import { describe, expect, it } from "vitest";
import { parseResumeFile } from "../src/documents.ts";
import { parseResumeText } from "../src/parse.ts";
import { parseSkillList } from "../src/parse-skills.ts";
import { fixtureBytes } from "./support/files.ts";

describe("parseResumeFile on real files", () => {
  it("parses the pdfkit PDF into contact, skills, roles, education and other sections", async () => {
    const { resume } = await parseResumeFile(fixtureBytes("software-engineer.pdf"), { filename: "jane.pdf" });
    expect(resume.contact).toEqual({
      name: "Jane Doe",
      email: "jane.doe@example.com",
      phone: "+1 (555) 123-4567",
      location: "Austin, TX",
      links: ["linkedin.com/in/janedoe"],
    });
    expect(resume.summary).toMatch(/^Backend engineer with 8 years/);
    expect(resume.skills).toEqual([
      "TypeScript",
      "Node.js",
      "PostgreSQL",
      "Docker",
      "AWS",
      "Go",
      "Redis",
      "CI/CD",
    ]);
    expect(resume.experience).toEqual([
      {
        title: "Senior Software Engineer",
        company: "Acme Payments",
        startDate: "Jan 2019",
        endDate: "Present",
        bullets: [
          "Migrated billing to Postgres, cutting invoice latency by 40%",
          "Led a team of 4 engineers building the Node.js payments API",
        ],
      },
      {
        title: "Software Engineer",
        company: "Globex Corporation",
        startDate: "03/2016",
        endDate: "12/2018",
        bullets: [
          "Built Docker-based CI pipelines for 30 services",
          "Wrote Go services handling 2M requests per day",
        ],
      },
    ]);
    expect(resume.education).toEqual([
      {
        institution: "University of Texas at Austin",
        degree: "B.S. Computer Science",
        startDate: "2012",
        endDate: "2016",
        details: [],
      },
    ]);
    expect(resume.otherSections).toEqual({
      Certifications: ["AWS Certified Solutions Architect – Associate"],
    });
  });

  it("parses the DOCX: 'Title at Company' and 'Company | Title | dates' layouts", async () => {
    const { resume } = await parseResumeFile(fixtureBytes("nurse.docx"), { filename: "maria.docx" });
    expect(resume.contact).toMatchObject({
      name: "Maria Garcia",
      email: "maria.garcia@example.org",
      location: "Chicago, IL",
    });
    expect(resume.skills).toContain("Electronic Health Records");
    expect(
      resume.experience.map(({ title, company, startDate, endDate, location }) => ({
        title,
        company,
        startDate,
        endDate,
        location,
      })),
    ).toEqual([
      {
        title: "Registered Nurse",
        company: "Northwestern Memorial Hospital",
        startDate: "June 2020",
        endDate: "Present",
        location: "Chicago, IL",
      },
      {
        title: "Staff Nurse",
        company: "Mercy Hospital",
        startDate: "2017",
        endDate: "2020",
        location: undefined,
      },
    ]);
    expect(resume.experience[0]?.bullets).toHaveLength(2);
    expect(resume.experience[1]?.bullets).toEqual(["Trained 12 new graduate nurses on telemetry monitoring"]);
    expect(resume.education[0]).toMatchObject({
      institution: "Loyola University Chicago",
      degree: "Bachelor of Science in Nursing",
    });
    expect(resume.otherSections["Licenses & Certifications"]).toEqual([
      "Registered Nurse, State of Illinois",
      "Advanced Cardiovascular Life Support (ACLS)",
    ]);
  });

  it("parses a plain-text upload", async () => {
    const text =
      "Ana Silva\nana@example.com\n\nSkills\nExcel; SQL\n\nEducation\nUniversity of Porto, 2015 - 2019\n";
    const { resume } = await parseResumeFile(new TextEncoder().encode(text), { filename: "ana.txt" });
    expect(resume.contact.name).toBe("Ana Silva");
    expect(resume.skills).toEqual(["Excel", "SQL"]);
    expect(resume.education[0]?.institution).toBe("University of Porto");
  });
});

describe("parseResumeText: section headings", () => {
  it("recognises synonyms, inline content, letter-spaced and decorated headings", () => {
    const resume = parseResumeText(
      [
        "Lee Chen",
        "lee@example.com",
        "Objective: Lead a finance team at a growing company.",
        "CORE COMPETENCIES",
        "Budgeting, Forecasting",
        "E M P L O Y M E N T  H I S T O R Y",
        "Controller, Northwind Traders",
        "2018 - 2021",
        "- Closed the books in 5 days",
        "— Volunteer Work —",
        "Treasurer, Food Bank",
        "Languages:",
        "- Mandarin (native)",
      ].join("\n"),
    );
    expect(resume.summary).toBe("Lead a finance team at a growing company.");
    expect(resume.skills).toEqual(["Budgeting", "Forecasting"]);
    expect(resume.experience).toEqual([
      {
        title: "Controller",
        company: "Northwind Traders",
        startDate: "2018",
        endDate: "2021",
        bullets: ["Closed the books in 5 days"],
      },
      { title: "Treasurer", company: "Food Bank", kind: "volunteer", bullets: [] },
    ]);
    expect(resume.otherSections).toEqual({ Languages: ["Mandarin (native)"] });
  });

  it("reads marked headings (Markdown, or a PDF's heading size) and only those, where a document marks them", () => {
    const resume = parseResumeText(
      [
        "# Dana Doe",
        "dana@example.com",
        "## What I know",
        "Go, Python",
        "## Where I've worked",
        "Payments Engineer at Acme Corp, 2021 - Present",
        "- Built the ledger",
        "## Things I made",
        "Languages",
        "- A compiler for a toy language",
      ].join("\n"),
    );
    expect(resume.contact.name).toBe("Dana Doe");
    expect(resume.skills).toEqual(["Go", "Python"]);
    expect(resume.experience.map((role) => [role.title, role.company])).toEqual([
      ["Payments Engineer", "Acme Corp"],
    ]);
    // "Languages" names a section, but is not marked as a heading here: it is a line of its section.
    expect(resume.otherSections).toEqual({ "Things I made": ["Languages", "A compiler for a toy language"] });
  });

  it("reads headings in German, French and Spanish, and volunteer and campus roles as their own kind", () => {
    const german = parseResumeText(
      [
        "Aylin Yıldız",
        "BERUFSERFAHRUNG",
        "Buchhalterin, Nordwerk GmbH",
        "Feb. 2024 – heute",
        "KENNTNISSE",
        "DATEV, SAP FI",
      ].join("\n"),
    );
    expect(german.experience).toEqual([
      {
        title: "Buchhalterin",
        company: "Nordwerk GmbH",
        startDate: "Feb. 2024",
        endDate: "heute",
        bullets: [],
      },
    ]);
    expect(german.skills).toEqual(["DATEV", "SAP FI"]);
    const french = parseResumeText(
      [
        "Léa Martin",
        "Expériences professionnelles",
        "Analyste — Voyagia",
        "janv. 2020 – aujourd'hui",
        "Formation",
        "Université de Lyon",
      ].join("\n"),
    );
    expect(french.experience.map((role) => [role.title, role.company, role.startDate, role.endDate])).toEqual(
      [["Analyste", "Voyagia", "janv. 2020", "aujourd'hui"]],
    );
    expect(french.education.map((school) => school.institution)).toEqual(["Université de Lyon"]);
    const student = parseResumeText(
      [
        "Sam Lee",
        "Campus Involvement",
        "Treasurer, Chess Club",
        "2023 - Present",
        "Volunteer Experience",
        "Tutor, City Library",
        "2022 - 2023",
      ].join("\n"),
    );
    expect(student.experience.map((role) => [role.title, role.kind])).toEqual([
      ["Treasurer", "campus"],
      ["Tutor", "volunteer"],
    ]);
  });

  it("uses a paragraph under the name as the summary when there is no summary heading", () => {
    const resume = parseResumeText(
      "Kim Park\nkim@example.com\nHotel manager with ten years running full-service properties on the coast.\nSkills\nRevenue Management",
    );
    expect(resume.summary).toBe("Hotel manager with ten years running full-service properties on the coast.");
  });
});

describe("parseSkillList", () => {
  it("splits on commas, semicolons, pipes and bullets, drops category labels, keeps parentheses whole", () => {
    expect(
      parseSkillList([
        "Languages: Python, Go; C++ | C#",
        "- EHR (Epic, Cerner) • CI/CD · Node.js",
        "python, Excel.",
      ]),
    ).toEqual(["Python", "Go", "C++", "C#", "EHR (Epic, Cerner)", "CI/CD", "Node.js", "Excel"]);
  });

  it("drops a group's label written on its own line over the group's bulleted items", () => {
    expect(
      parseSkillList(["Languages", "- Go", "- Java", "", "Cloud & Orchestration", "- Kubernetes"]),
    ).toEqual(["Go", "Java", "Kubernetes"]);
    expect(parseSkillList(["Python", "Go, Java"])).toEqual(["Python", "Go", "Java"]);
  });
});
