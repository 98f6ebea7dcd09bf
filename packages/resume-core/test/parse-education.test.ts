import { describe, expect, it } from "vitest";
import { parseResumeText } from "../src/parse.ts";

describe("parseResumeText: education", () => {
  it("reads a sentence that names a school as a detail of the entry, not an institution", () => {
    const text = [
      "Education",
      "Columbia Gorge University",
      "Master of Arts in Teaching, Special Education",
      "- Student teaching in a K–2 life-skills classroom and a middle school resource room",
    ];
    expect(parseResumeText(text.join("\n")).education).toEqual([
      {
        institution: "Columbia Gorge University",
        degree: "Master of Arts in Teaching, Special Education",
        details: ["Student teaching in a K–2 life-skills classroom and a middle school resource room"],
      },
    ]);
  });

  it("reads a school of the institution on the line under it as part of its name", () => {
    const text = [
      "Education",
      "Patapsco University",
      "School of Nursing",
      "Bachelor of Science in Nursing (BSN)",
      "2023 – 2027",
    ];
    expect(parseResumeText(text.join("\n")).education).toEqual([
      {
        institution: "Patapsco University School of Nursing",
        degree: "Bachelor of Science in Nursing (BSN)",
        startDate: "2023",
        endDate: "2027",
        details: [],
      },
    ]);
    // Two institutions, one under the other, are two entries.
    const two = [
      "Education",
      "Patapsco University",
      "B.S. Biology",
      "Chesapeake College",
      "A.A. General Studies",
    ];
    expect(parseResumeText(two.join("\n")).education.map((entry) => entry.institution)).toEqual([
      "Patapsco University",
      "Chesapeake College",
    ]);
  });

  it("joins a school's name wrapped before or after the word that says its kind, in a narrow column", () => {
    const text = [
      "Education",
      "Linthicum State",
      "University",
      "M.Ed., Mathematics Education",
      "2016 – 2018",
      "Severn Valley",
      "Community College",
      "A.A.S. Nursing",
      "Dean's List",
      "University of Leeds",
      "B.A. History",
      "Quabbin Hills",
      "Trade Institute",
      "Plumbing Apprentice Program 2005 – 2009",
      "Universidad",
      "Europea del Tajo",
      "Máster en Cuidados Críticos 2015 – 2016",
    ];
    expect(parseResumeText(text.join("\n")).education.map((entry) => entry.institution)).toEqual([
      "Linthicum State University",
      "Severn Valley Community College",
      "University of Leeds",
      "Quabbin Hills Trade Institute",
      "Universidad Europea del Tajo",
    ]);
  });

  it("reads what comes before the institution on its line as the qualification", () => {
    const text = ["Education", "Cambridge CELTA (Pass A), Tagus Language Institute (2018)"];
    expect(parseResumeText(text.join("\n")).education[0]).toMatchObject({
      institution: "Tagus Language Institute",
      degree: "Cambridge CELTA (Pass A)",
    });
  });

  it("knows a centre that teaches by its whole name, wrapped or not, and not a centre a detail mentions", () => {
    const text = [
      "Education",
      "Teaching certificate (Pass B), Harborview Language Centre (2019)",
      "- Tutor at the campus Learning Center, two evenings a week",
      "Granite Valley Millwrights",
      "Joint Apprenticeship Training Center",
      "Journey Level Certificate",
      "2012 – 2016",
      "Centro de Formación Profesional Levante",
      "Técnico en Cocina",
    ];
    expect(parseResumeText(text.join("\n")).education.map((entry) => entry.institution)).toEqual([
      "Harborview Language Centre",
      "Granite Valley Millwrights Joint Apprenticeship Training Center",
      "Centro de Formación Profesional Levante",
    ]);
  });

  it("starts an entry at a school whose name says no kind, set on its own line above its degree", () => {
    // A sidebar: name, degree, years, a break, details; then the next school the same way.
    const sidebar = [
      "Education",
      "Ironforge Coding",
      "Web Development Bootcamp",
      "2023 – 2024",
      "",
      "- Capstone: a booking app for a climbing gym",
      "",
      "Saint Brendan's",
      "Bachelor of Arts in History",
      "2015 – 2019",
      "",
      "Magna Cum Laude",
    ];
    expect(parseResumeText(sidebar.join("\n")).education).toEqual([
      {
        institution: "Ironforge Coding",
        details: ["Web Development Bootcamp", "Capstone: a booking app for a climbing gym"],
        startDate: "2023",
        endDate: "2024",
      },
      {
        institution: "Saint Brendan's",
        degree: "Bachelor of Arts in History",
        details: ["Magna Cum Laude"],
        startDate: "2015",
        endDate: "2019",
      },
    ]);
    // With no break: the school is known by the degree under it.
    const single = [
      "Education",
      "Le Lab Numérique",
      "B.Comm., Marketing",
      "Kestrel Point",
      "Licence en Droit",
    ];
    expect(parseResumeText(single.join("\n")).education).toMatchObject([
      { institution: "Le Lab Numérique", degree: "B.Comm., Marketing" },
      { institution: "Kestrel Point", degree: "Licence en Droit" },
    ]);
  });

  it("keeps a date in a remark of the degree line in the degree, and takes the range under it", () => {
    const text = [
      "Education",
      "Mendota State University",
      "B.S. Computer Science (expected May 2028)",
      "2024 – 2028",
    ];
    expect(parseResumeText(text.join("\n")).education).toEqual([
      {
        institution: "Mendota State University",
        degree: "B.S. Computer Science (expected May 2028)",
        startDate: "2024",
        endDate: "2028",
        details: [],
      },
    ]);
  });

  it("knows schools by their word in other languages, a second of the same name starting an entry", () => {
    const text = [
      "Education",
      "Universidade do Atlântico Norte",
      "MSc Data Science",
      "2017 – 2019",
      "- Thesis: Forecasting restaurant demand",
      "Universidade do Atlântico Norte",
      "BSc Economics",
      "Fichtenhain-Gymnasium",
      "Abitur",
      "École Supérieure de Commerce",
      "IHK Niederrhein",
      "Geprüfter Bilanzbuchhalter 2022",
      "IES Sierra Blanca",
      "TAFE Riverina Institute",
    ].join("\n");
    expect(parseResumeText(text).education.map((entry) => entry.institution)).toEqual([
      "Universidade do Atlântico Norte",
      "Universidade do Atlântico Norte",
      "Fichtenhain-Gymnasium",
      "École Supérieure de Commerce",
      "IHK Niederrhein",
      "IES Sierra Blanca",
      "TAFE Riverina Institute",
    ]);
  });

  it("splits entries on a second institution or degree and keeps details", () => {
    const resume = parseResumeText(
      [
        "Education",
        "Master of Business Administration (MBA)",
        "University of California, Berkeley — 2018 – 2020",
        "GPA: 3.9",
        "B.A. Economics, Boston University, Boston, MA, 2016",
      ].join("\n"),
    );
    expect(resume.education).toEqual([
      {
        institution: "University of California, Berkeley",
        degree: "Master of Business Administration (MBA)",
        startDate: "2018",
        endDate: "2020",
        details: ["GPA: 3.9"],
      },
      { institution: "Boston University", degree: "B.A. Economics", endDate: "2016", details: [] },
    ]);
  });
});
