import { describe, expect, it } from "vitest";
import { canonicalSkill, findSkillMentions, findSkills } from "../src/skills.ts";
import { skillTaxonomy } from "../src/taxonomy.ts";

describe("findSkills", () => {
  it("handles names with symbols and keeps word boundaries", () => {
    expect(findSkills("C++, C#, .NET, ASP.NET, CI/CD and Node.js; JavaScript (not Javanese)")).toEqual([
      "C++",
      "C#",
      ".NET",
      "ASP.NET",
      "CI/CD",
      "Node.js",
      "JavaScript",
    ]);
    expect(findSkills("Javanese cuisine, Gophers, Reactive, Rusty, Scalable")).toEqual([]);
  });

  it("reads a skill after a French elided article written with a straight apostrophe", () => {
    expect(findSkills("l'A/B testing et d'Excel, qu'Airflow")).toEqual([
      "A/B Testing",
      "Microsoft Excel",
      "Airflow",
    ]);
    expect(findSkills("l’A/B testing")).toEqual(["A/B Testing"]);
    // Inside a name the elided article stays in how the text writes it.
    expect(findSkillMentions("les tests d'utilisabilité")).toEqual([
      { skill: "Usability Testing", written: "tests d'utilisabilité" },
    ]);
    // So does a hyphen that leaves its last part to a later word.
    expect(findSkillMentions("als Gesundheits- und Krankenpfleger")).toEqual([
      { skill: "Gesundheits- und Krankenpfleger", written: "Gesundheits- und Krankenpfleger" },
    ]);
  });

  it("writes a mention as the text does: with its edition, its version, its parentheses", () => {
    const written = (text: string) => findSkillMentions(text).map((mention) => mention.written);
    expect(written("Epicor Prophet 21 or a similar ERP")).toEqual(["Epicor Prophet 21", "ERP"]);
    expect(written("a current CPR Level C card")).toEqual(["CPR Level C"]);
    expect(written("Burp Suite Professional, Postman")).toEqual(["Burp Suite Professional", "Postman"]);
    // A role, a second skill or a generic word after a product is not its edition.
    expect(written("Python Developer")).toEqual(["Python"]);
    expect(written("Excel Pivot Tables")).toEqual(["Excel", "Pivot Tables"]);
    expect(written("Salesforce Certification")).toEqual(["Salesforce"]);
    expect(written("Certified Paralegal (CP) designation")).toEqual(["Certified Paralegal (CP)"]);
    // A category's code is written with its licence; a language level is not part of a language.
    expect(written("CACES R485 (gerbeurs)")).toEqual(["CACES R485"]);
    expect(written("Deutsch C1")).toEqual(["Deutsch"]);
  });

  it("maps aliases to one canonical name, in order of first mention, without repeats", () => {
    expect(findSkills("Postgres and PostgreSQL on K8s with JS, nodejs, golang")).toEqual([
      "PostgreSQL",
      "Kubernetes",
      "JavaScript",
      "Node.js",
      "Go",
    ]);
  });

  it("prefers the longest name: 'React Native' is not also 'React'", () => {
    expect(findSkills("Built apps in React Native")).toEqual(["React Native"]);
  });

  it("matches everyday words only in their exact casing", () => {
    expect(findSkills("Wrote Go services; built React apps; advanced Excel")).toEqual([
      "Go",
      "React",
      "Microsoft Excel",
    ]);
    expect(findSkills("we go to the rest of the team to react and excel")).toEqual([]);
  });

  it("counts one-letter languages only in a list of skills", () => {
    expect(findSkills("Python, R, SQL")).toEqual(["Python", "R", "SQL"]);
    expect(findSkills("Cared for Hepatitis C patients; Plan B")).toEqual([]);
    // A letter after a grading word is a grade, however close another skill is.
    expect(findSkills("Current CPR Level C, Python")).toEqual(["CPR", "Python"]);
  });

  it("looks inside hyphenated and slashed compounds", () => {
    expect(findSkills("Docker-based pipelines, HTML/CSS layouts")).toEqual(["Docker", "HTML", "CSS"]);
  });

  it("names one form for two skills when it stands for both", () => {
    expect(findSkills("Epic EHR")).toEqual(["Epic", "Electronic Health Records"]);
  });

  it.each([
    ["software", "Kubernetes, TypeScript and PyTorch", ["Kubernetes", "TypeScript", "PyTorch"]],
    [
      "nursing",
      "BLS, ACLS, med-surg, EMR charting",
      ["BLS", "ACLS", "Medical-Surgical Nursing", "Electronic Health Records", "Clinical Documentation"],
    ],
    [
      "accounting",
      "US GAAP, month-end close, A/R, QuickBooks",
      ["GAAP", "Month-End Close", "Accounts Receivable", "QuickBooks"],
    ],
    [
      "teaching",
      "lesson plans, classroom management, IEPs",
      ["Lesson Planning", "Classroom Management", "IEP"],
    ],
    ["marketing", "SEO, Google AdWords, HubSpot", ["SEO", "Google Ads", "HubSpot"]],
    [
      "engineering",
      "SolidWorks, FEA, GD&T, AutoCAD Civil 3D",
      ["SolidWorks", "Finite Element Analysis", "GD&T", "Civil 3D"],
    ],
    [
      "logistics",
      "WMS, forklift certified, cycle counts",
      ["Warehouse Management", "Forklift Operation", "Cycle Counting"],
    ],
    [
      "hospitality",
      "ServSafe, POS, F&B, Opera",
      ["ServSafe", "POS Systems", "Food and Beverage", "Opera PMS"],
    ],
    ["design", "Figma, Photoshop, wireframes, WCAG", ["Figma", "Adobe Photoshop", "Wireframing", "WCAG"]],
  ])("covers %s", (_profession, text, expected) => {
    expect(findSkills(text)).toEqual(expected);
  });
});

describe("canonicalSkill", () => {
  it("returns the canonical name for any written form, ignoring case", () => {
    expect(canonicalSkill("golang")).toBe("Go");
    expect(canonicalSkill("go")).toBe("Go");
    expect(canonicalSkill("  k8s ")).toBe("Kubernetes");
    expect(canonicalSkill("Python (advanced)")).toBe("Python");
    expect(canonicalSkill("Warehouse Management Systems (WMS)")).toBe("Warehouse Management");
  });

  it("reads a name written with its abbreviation as the name, and a list in parentheses as a list", () => {
    expect(canonicalSkill("OSHA (Occupational Safety and Health Administration)")).toBe("OSHA");
    expect(canonicalSkill("Soporte Vital Avanzado (SVA)")).toBe("Soporte Vital Avanzado");
    expect(canonicalSkill("Excel (pivot tables, VLOOKUP)")).toBeUndefined();
  });

  it("returns undefined for unknown or ambiguous names", () => {
    expect(canonicalSkill("Underwater basket weaving")).toBeUndefined();
    expect(canonicalSkill("Python and Java")).toBeUndefined();
    expect(canonicalSkill("")).toBeUndefined();
  });

  it("maps every name and alias in the taxonomy back to its own skill", () => {
    const wrong = skillTaxonomy.flatMap((skill) =>
      [skill.name, ...(skill.aliases ?? []), ...(skill.exact ?? []), ...(skill.listed ?? [])]
        .filter(
          (form) => !findSkills(`${form}, SQL`).includes(skill.name) && canonicalSkill(form) !== skill.name,
        )
        .map((form) => `${form} → ${canonicalSkill(form)} (expected ${skill.name})`),
    );
    expect(wrong).toEqual([]);
  });

  it("has unique canonical names", () => {
    const names = skillTaxonomy.map((skill) => skill.name);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });
});
