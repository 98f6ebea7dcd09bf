import { describe, expect, it } from "vitest";
import { documentLines, documentText, pageBlocks } from "../src/pdf-layout.ts";
import { linesOf, placed } from "./support/placed.ts";

describe("documentLines", () => {
  const bold = { font: "Bold" };
  const sidebar = [
    "Skills",
    "Go",
    "Terraform",
    "Kubernetes",
    "Certifications",
    "Registered Behavior Technician —",
  ];
  const main = ["Experience", "Payments Engineer", "Built the ledger", "Ran the on-call", "Cut latency"];
  const firstPage = [
    ...sidebar.map((text, index) =>
      placed(text, 36, 700 - index * 13, text.length < 15 && index % 4 === 0 ? bold : {}),
    ),
    ...main.map((text, index) => placed(text, 220, 705 - index * 17)),
  ];

  it("reads a sidebar's lines run on to the next page with the sidebar, and a line left open joined", () => {
    const secondPage = [
      placed("2019 to 2023", 36, 760),
      placed("Interests", 36, 740, bold),
      placed("Hiking", 36, 727),
      ...[
        "Mentored two engineers",
        "Wrote the runbooks",
        "Hired four",
        "Ran the budget",
        "Cut costs",
        "Shipped",
      ].map((text, index) => placed(text, 220, 762 - index * 17)),
    ];
    const text = documentLines([pageBlocks(firstPage), pageBlocks(secondPage)])
      .flat()
      .map((line) => line.text)
      .filter((line) => line !== "");
    expect(text).toEqual([
      ...sidebar.slice(0, -1),
      "Registered Behavior Technician — 2019 to 2023",
      "Interests",
      "Hiking",
      ...main,
      ...[
        "Mentored two engineers",
        "Wrote the runbooks",
        "Hired four",
        "Ran the budget",
        "Cut costs",
        "Shipped",
      ],
    ]);
  });

  it("goes on with a list item in lower case on the next page, and not with a heading over a list", () => {
    const column = sidebar
      .slice(0, -1)
      .map((text, index) =>
        placed(text, 36, 700 - index * 13, text.length < 15 && index % 4 === 0 ? bold : {}),
      );
    const mainColumn = main.map((text, index) => placed(text, 220, 705 - index * 17));
    const projects = placed("Projects", 36, 635, bold);
    const itemPage = [
      ...column,
      projects,
      placed("Kotlin date-picker", 36, 622, { opensItem: true }),
      ...mainColumn,
    ];
    const headingPage = [...column, projects, ...mainColumn];
    const secondPage = [
      placed("library (3 PRs)", 36, 760, { opensItem: true }),
      placed("Languages", 36, 740, bold),
      placed("French", 36, 727, { opensItem: true }),
      ...[
        "Mentored two engineers",
        "Wrote the runbooks",
        "Hired four",
        "Ran the budget",
        "Cut costs",
        "Shipped",
      ].map((text, index) => placed(text, 220, 762 - index * 17)),
    ];
    const read = (first: typeof itemPage) =>
      documentLines([pageBlocks(first, { listsMarked: true }), pageBlocks(secondPage, { listsMarked: true })])
        .flat()
        .map((line) => line.text);
    expect(read(itemPage)).toContain("- Kotlin date-picker library (3 PRs)");
    expect(read(headingPage)).toContain("- library (3 PRs)");
  });

  it("leaves a page that is not set in the page before's columns after it", () => {
    const secondPage = [
      placed("References, writing samples and a portfolio are available on request", 36, 760),
    ];
    const text = documentLines([pageBlocks(firstPage), pageBlocks(secondPage)])
      .flat()
      .map((line) => line.text)
      .filter((line) => line !== "");
    expect(text.at(-1)).toBe("References, writing samples and a portfolio are available on request");
  });
});

describe("documentText", () => {
  const line = (text: string, size = 10) => ({ text, size });

  it("marks the lines set in the headings' size, not the name above them", () => {
    const page = [
      line("Dana Doe", 20),
      line("dana@example.com"),
      line("Experience", 12),
      line("Payments Engineer at Acme Corp"),
      line("Languages"),
      line("Where I studied", 12),
      line("State University"),
    ];
    expect(documentText([page]).split("\n")).toEqual([
      "Dana Doe",
      "dana@example.com",
      "# Experience",
      "Payments Engineer at Acme Corp",
      "Languages",
      "# Where I studied",
      "State University",
    ]);
  });

  it("marks nothing when no line of a larger size names a section (job titles set larger)", () => {
    const page = [
      line("Dana Doe", 20),
      line("Payments Engineer", 12),
      line("Built it"),
      line("Support Engineer", 12),
    ];
    expect(documentText([page])).not.toContain("#");
  });
});

describe("pageLines with list items marked", () => {
  it("sets apart dates at the right edge that text wrapped around runs up against", () => {
    const items = [
      placed("Piedmont Family Health Partners, Raleigh, NC", 36, 700),
      placed("See 18–22 patients a day for acute, chronic", 50, 688),
      // Floated to the right, drawn right after the line's last word and a point and a half higher.
      placed("Jan 2020 – Present", 50 + 43 * 5 + 0.3, 689.5),
    ];
    expect(linesOf(items)).toContain("See 18–22 patients a day for acute, chronic\tJan 2020 – Present");
  });

  it("joins a line left open or wrapped to the next though a field sits at that line's right edge", () => {
    const cases: Array<[string, string, string, number]> = [
      ["Bayou Industrial Staffing — refinery turnaround, Lake Charles,", "LA", "Feb 2023 – Apr 2023", 420],
      [
        "Harbor Point Medical Center (via Meridian Travel Staffing), San",
        "Diego, CA",
        "Apr 2024 – Present",
        260,
      ],
    ];
    for (const [line, rest, dates, at] of cases) {
      const items = [placed(line, 36, 700), placed(rest, 36, 688), placed(dates, at, 688)];
      expect(linesOf(items)).toEqual([`${line} ${rest}\t${dates}`]);
    }
  });

  it("joins a line left open by a word of any language to the next", () => {
    const items = [
      placed("Sánchez B. «Adherencia al", 36, 700),
      placed("protocolo de prevención de NAV en una UCI». Revista de Enfermería, 2021.", 36, 688),
    ];
    expect(linesOf(items)).toEqual([
      "Sánchez B. «Adherencia al protocolo de prevención de NAV en una UCI». Revista de Enfermería, 2021.",
    ]);
  });

  it("reads a dash opening a line that opens no list item as the text's own", () => {
    const items = [
      placed("Weiterbildung zur Bilanzbuchhalterin (IHK)", 36, 700, { opensItem: true }),
      placed("– berufsbegleitend, Abschluss 2027", 36, 688),
      placed("Deutsch (Muttersprache)", 36, 676, { opensItem: true }),
    ];
    expect(linesOf(items, { listsMarked: true })).toEqual([
      "- Weiterbildung zur Bilanzbuchhalterin (IHK) – berufsbegleitend, Abschluss 2027",
      "- Deutsch (Muttersprache)",
    ]);
  });

  it("joins a capitalized line after a short one, as no list item opens there", () => {
    const items = [
      placed("Great Lakes", 36, 700),
      placed("Metropolitan University", 36, 688),
      placed("Stakeholder reporting", 36, 660, { opensItem: true }),
    ];
    expect(linesOf(items)).toContain("Metropolitan University");
    expect(linesOf(items, { listsMarked: true })).toEqual([
      "Great Lakes Metropolitan University",
      "",
      "- Stakeholder reporting",
    ]);
  });

  it("goes on with a list item where a line opens none, however short the item's first line", () => {
    const items = [
      placed("Conflict resolution and the rest", 50, 712),
      placed("CEFR-aligned", 50, 700, { opensItem: true }),
      placed("assessment", 50, 688),
      placed("Zoom", 50, 676, { opensItem: true }),
    ];
    expect(linesOf(items, { listsMarked: true })).toEqual([
      "Conflict resolution and the rest",
      "- CEFR-aligned assessment",
      "- Zoom",
    ]);
  });

  it("wraps a column's lines at its own edge, not at a headline's set above it across the page", () => {
    const items = [
      placed("Family Nurse Practitioner, primary care", 36, 760),
      placed("Longleaf State", 44, 700),
      placed("University", 44, 688),
      placed("Conflict resolution work", 44, 660),
    ];
    const lines = linesOf(items, { listsMarked: true });
    expect(lines.filter((line) => line !== "")).toEqual([
      "Family Nurse Practitioner, primary care",
      "Longleaf State University",
      "Conflict resolution work",
    ]);
  });

  it("does not join the line after one that ran on past the edge the others wrap at", () => {
    const items = [
      placed("Dana Doe, Payments", 36, 720),
      placed("dana.doe.longname@example.com", 36, 708),
      placed("312-555-0187", 36, 696),
    ];
    expect(linesOf(items)).toEqual(["Dana Doe, Payments", "dana.doe.longname@example.com", "312-555-0187"]);
  });
});
