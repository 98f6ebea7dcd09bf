import { describe, expect, it } from "vitest";
import { pageLines } from "../src/pdf-layout.ts";
import { linesOf, placed } from "./support/placed.ts";

describe("pageLines", () => {
  it("reads a sidebar whole, then the main column whole, though their lines interleave", () => {
    const sidebar = ["Skills", "Go", "Kubernetes", "Terraform", "Education", "State University"];
    const main = ["Experience", "Payments Engineer", "Built the ledger", "Ran the on-call", "Cut latency"];
    const items = [
      placed("Dana Doe", 36, 760, { size: 20 }),
      ...sidebar.map((text, index) => placed(text, 36, 700 - index * 13)),
      ...main.map((text, index) => placed(text, 220, 705 - index * 17)),
    ];
    const lines = linesOf(items).filter((line) => line !== "");
    expect(lines).toEqual(["Dana Doe", ...sidebar, ...main]);
  });

  it("finds the sidebar's gutter though a long email address in it runs on under the main column", () => {
    const sidebar = [
      "dana.doe.longname@example.com",
      "312-555-0187",
      "Chicago, IL",
      "Skills",
      "Go",
      "Terraform",
    ];
    const main = ["Experience", "Payments Engineer", "Built the ledger", "Ran the on-call", "Cut latency"];
    const heading = (text: string) => (text === "Skills" ? { font: "Bold" } : {});
    const items = [
      ...sidebar.map((text, index) => placed(text, 36, 700 - index * 13, heading(text))),
      // The email (36 to 181) runs past the main column's edge at 170.
      ...main.map((text, index) => placed(text, 170, 700 - index * 17)),
    ];
    const lines = linesOf(items).filter((line) => line !== "");
    expect(lines).toEqual([...sidebar, ...main]);
  });

  it("finds the sidebar's gutter though an email address on a row of its own runs on into the main column", () => {
    const sidebar = [
      "pat@mulrooneyplumbing.example.com",
      "(508) 555-0114",
      "Worcester, MA",
      "Skills",
      "PEX",
      "ProPress",
    ];
    const main = [
      "Summary",
      "Master plumber and gasfitter.",
      "Ran my own shop.",
      "Looking to move.",
      "Experience",
    ];
    const items = [
      // The email (36 to 201) runs past the main column's edge at 180, on a row the main column leaves free.
      ...sidebar.map((text, index) => placed(text, 36, 707 - index * 13.5)),
      ...main.map((text, index) => placed(text, 180, 714 - index * 13.5)),
    ];
    const lines = linesOf(items).filter((line) => line !== "");
    // Each side read whole: no line holds words of both.
    const mixes = (line: string) =>
      sidebar.some((text) => line.includes(text)) && main.some((text) => line.includes(text));
    expect(lines[0]).toBe(sidebar[0]);
    expect(lines.filter(mixes)).toEqual([]);
  });

  it("starts the columns at an email address that ends a hair short of the main column", () => {
    const sidebar = ["dana.doe.longname@example.co", "312-555-0187", "Chicago, IL", "Skills", "Go"];
    const main = ["Summary", "Payments engineer who", "builds ledgers that", "balance to the cent."];
    const items = [
      ...sidebar.map((text, index) =>
        placed(text, 36, 700 - index * 13, text === "Skills" ? { font: "Bold" } : {}),
      ),
      // The email runs from 36 to 176, three points short of the main column at 179.
      ...main.map((text, index) => placed(text, 179, 702 - index * 17)),
    ];
    const lines = linesOf(items).filter((line) => line !== "");
    expect(lines.slice(0, sidebar.length)).toEqual(sidebar);
    expect(lines[sidebar.length]).toBe("Summary");
  });

  it("keeps the gutter open where a link in the sidebar runs a little way into it", () => {
    // The link runs from 36 to 171, past the main column's edge at 165; the line beside it is indented.
    const sidebar = ["Chicago, IL", "github.com/example-dana-doe", "Skills", "Go", "Terraform", "Kubernetes"];
    const main = ["Experience", "Payments Engineer", "Built the ledger", "Ran the on-call", "Cut latency"];
    const items = [
      ...sidebar.map((text, index) =>
        placed(text, 36, 700 - index * 13, text === "Skills" ? { font: "Bold" } : {}),
      ),
      ...main.map((text, index) => placed(text, 165, 705 - index * 17)),
    ].map((item) => (item.text === "Payments Engineer" ? { ...item, x: 179, baseline: 687 } : item));
    const lines = linesOf(items).filter((line) => line !== "");
    expect(lines).toEqual([...sidebar, ...main]);
  });

  it("reads a column's last two lines, run on to a page where the sidebar goes on, as a column", () => {
    const sidebar = [
      "Leadership",
      "Mentor, Women in Revenue",
      "Speaker, HealthTech Forum",
      "Volunteer",
      "Coach",
      "Languages",
      "French",
    ];
    const heading = (text: string) => text === "Leadership" || text === "Languages";
    const items = [
      ...sidebar.map((text, index) =>
        placed(text, 36, 745.5 - index * 12, heading(text) ? { font: "Bold" } : { opensItem: true }),
      ),
      placed("Converted 18% of inbound leads, the best rate on the team in", 200, 747),
      placed("2010", 200, 735),
    ];
    const lines = pageLines(items, { listsMarked: true })
      .map((line) => line.text)
      .filter((line) => line !== "");
    expect(lines.slice(0, sidebar.length)).toEqual(
      sidebar.map((text) => (heading(text) ? text : `- ${text}`)),
    );
    expect(lines.slice(sidebar.length).join(" ")).toBe(
      "Converted 18% of inbound leads, the best rate on the team in 2010",
    );
  });

  it("reads a column's last lines as a column though they line up with the sidebar's first", () => {
    const sidebar = [
      "HashiCorp Certified:",
      "Terraform Associate",
      "AWS Certified SysOps",
      "Administrator",
      "Leadership",
      "Organizer, Platform Meetup",
      "Mentor, SRE circle",
    ];
    const items = [
      ...sidebar.map((text, index) => placed(text, 36, 747 - index * 12)),
      placed("Wrote the help desk's first knowledge-base articles for Wi-Fi and", 200, 747),
      placed("printing problems", 200, 735),
    ];
    const lines = linesOf(items).filter((line) => line !== "");
    expect(lines.at(-1)).toBe(
      "Wrote the help desk's first knowledge-base articles for Wi-Fi and printing problems",
    );
    expect(lines.slice(0, 2)).toEqual(["HashiCorp Certified:", "Terraform Associate"]);
  });

  it("reads a page where a sidebar runs on beside a main column's last roles as columns, from its first row", () => {
    const sidebar = [
      "Puget Lane College",
      "B.S. Information",
      "Technology",
      "2008 – 2012",
      "Certifications",
      "Certified Kubernetes",
      "Administrator",
      "HashiCorp Certified:",
      "Terraform Associate",
      "Leadership",
      "Organizer, Seattle",
      "Platform Meetup",
      "Mentor in a",
      "women-in-SRE circle",
      "mentees so far)",
      "Volunteer",
      "Food bank driver",
      "Languages",
      "Spanish (B2)",
    ];
    const main = [
      "Administered 150 Linux and Windows servers and the campus",
      "VMware cluster",
      "Scripted account provisioning in Bash, saving the IT staff",
      "roughly 10 hours a week",
      "IT Help Desk Technician (student job)",
      "Puget Lane College, Tacoma, WA",
      "Answered help-desk tickets and reimaged lab machines 15 hours",
      "a week while studying",
    ];
    const items = [
      ...sidebar.map((text, index) => placed(text, 44, 747 - index * 13.5)),
      ...main.map((text, index) => placed(text, 208, 747 - index * 13.5 - (index >= 4 ? 6 : 0))),
    ];
    const lines = linesOf(items).filter((line) => line !== "");
    expect(lines[0]).toMatch(/^Puget Lane College\b/);
    expect(
      lines.filter((line) => line.includes("Puget Lane College") && line.includes("Administered")),
    ).toEqual([]);
  });

  it("reads two columns that both go on from the page before as columns, though their first rows line up", () => {
    const sidebar = ["Northvale Circle of", "Excellence, 2021", "Claritas Club, 2017", "Leadership"];
    const sidebarRest = [
      "Mentor, Women",
      "Speaker, Forum",
      "Procurement panel",
      "Volunteer",
      "Languages",
      "French",
    ];
    const main = [
      "Grew revenue 22% through",
      "service and upsells",
      "Top account manager in 2013",
      "and 2014",
    ];
    const mainRest = [
      "Inside Sales Rep",
      "Télécom Rive-Sud",
      "Sold phone bundles",
      "to small firms",
      "Converted 18%",
      "of leads",
    ];
    const items = [
      ...sidebar.map((text, index) => placed(text, 36, 745 - index * 13.5)),
      ...sidebarRest.map((text, index) => placed(text, 36, 665 - index * 13.5)),
      ...main.map((text, index) => placed(text, 230, 745 - index * 13.5)),
      // Set at their own spacing below: no row of theirs beside one of the sidebar's.
      ...mainRest.map((text, index) => placed(text, 230, 671.75 - index * 13.5)),
    ];
    const lines = linesOf(items).filter((line) => line !== "");
    const mixes = (line: string) =>
      [...sidebar, ...sidebarRest].some((text) => line.includes(text)) &&
      [...main, ...mainRest].some((text) => line.includes(text));
    expect(lines.filter(mixes)).toEqual([]);
  });

  it("keeps apart two items a little more than a hair apart, and joins parts of one word that touch", () => {
    const items = [
      placed("Lay out the print edition and lead a", 36, 700),
      placed("Sep 2025 – Present", 36 + 36 * 5 + 1.3, 700),
      placed("Certi", 36, 680),
      placed("fi", 61, 680),
      placed("cate", 71, 680),
    ];
    // Apart; a range of dates at the edge is a field of the line.
    expect(linesOf(items).filter((line) => line !== "")).toEqual([
      "Lay out the print edition and lead a\tSep 2025 – Present",
      "Certificate",
    ]);
  });

  it("keeps a field at the right edge on its line, apart by a tab, where rows line up", () => {
    const items = [
      placed("Payments Engineer", 36, 700),
      placed("2021 – Present", 490, 700),
      placed("Acme Corp", 36, 687),
      placed("Chicago, IL", 505, 687),
      placed("Support Engineer", 36, 660),
      placed("2018 – 2021", 505, 660),
      placed("Globex", 36, 647),
      placed("Austin, TX", 510, 647),
    ];
    expect(linesOf(items)).toEqual([
      "Payments Engineer\t2021 – Present",
      "Acme Corp\tChicago, IL",
      "",
      "Support Engineer\t2018 – 2021",
      "Globex\tAustin, TX",
    ]);
  });

  it("reads a table whose cells start on the same line row by row, not cell column by cell column", () => {
    const rows = [
      ["Languages", "Go, Java, SQL"],
      ["Cloud", "AWS, GCP"],
      ["Data", "Postgres, Kafka"],
      ["Tools", "Terraform, Helm"],
    ];
    const items = rows.flatMap(([label = "", cell = ""], index) => [
      placed(label, 36, 700 - index * 13),
      placed(cell, 150, 700 - index * 13),
    ]);
    const lines = linesOf(items).map((line) => line.replace(/\s+/g, " "));
    expect(lines).toEqual(rows.map(([label, cell]) => `${label} ${cell}`));
  });

  it("reads a column of date cells as each role's dates, at the end of the line the cell starts on", () => {
    const role = (dates: string[], lines: string[], top: number) => [
      ...dates.map((text, index) => placed(text, 36, top - index * 12)),
      ...lines.map((text, index) => placed(text, 130, top - index * 12)),
    ];
    const items = [
      ...role(
        ["06/2021 –", "Present"],
        ["Payments Engineer", "Acme Corp", "- Built the ledger", "- Ran on-call"],
        700,
      ),
      ...role(
        ["03/2019 –", "05/2021"],
        ["Support Engineer", "Globex", "- Answered tickets", "- Wrote runbooks"],
        640,
      ),
    ];
    expect(linesOf(items).filter((line) => line !== "")).toEqual([
      "Payments Engineer\t06/2021 – Present",
      "Acme Corp",
      "- Built the ledger",
      "- Ran on-call",
      "Support Engineer\t03/2019 – 05/2021",
      "Globex",
      "- Answered tickets",
      "- Wrote runbooks",
    ]);
  });

  it("joins a line that wrapped, and not a short line after which the next word would have fitted", () => {
    const items = [
      placed("Moved the deployments of forty services to Kubernetes with Helm charts and", 36, 700),
      placed("canary releases", 36, 688),
      placed("Go", 36, 660),
      placed("Java", 36, 648),
      placed("Prairie State Institute of", 36, 620),
      placed("Technology", 36, 608),
      placed("linkedin.com/in/dana-", 36, 580),
      placed("doe-example", 36, 568),
    ];
    expect(linesOf(items).filter((line) => line !== "")).toEqual([
      "Moved the deployments of forty services to Kubernetes with Helm charts and canary releases",
      "Go",
      "Java",
      "Prairie State Institute of Technology",
      "linkedin.com/in/dana-doe-example",
    ]);
  });

  it("reads a letter-spaced name and heading as words", () => {
    const items = [
      placed("J O H N", 36, 700, { size: 20, width: 76 }),
      placed("D O E", 131, 700, { size: 20, width: 59 }),
      placed("E X P E R I E N C E", 36, 660, { size: 16, width: 150 }),
    ];
    expect(linesOf(items).filter((line) => line !== "")).toEqual(["JOHN DOE", "EXPERIENCE"]);
  });

  it("does not join lines set in different fonts (a bold name over its regular details)", () => {
    const items = [
      placed("Lagoon City University of the Western Provinces and Islands", 36, 700, { font: "Bold" }),
      placed("Bachelor of Science", 36, 688),
    ];
    expect(linesOf(items)).toEqual([
      "Lagoon City University of the Western Provinces and Islands",
      "Bachelor of Science",
    ]);
  });

  it("starts a list item where a tagged PDF's drawn bullet opens one", () => {
    const items = [
      placed("Kubernetes and the rest of the platform the team was running in 2022", 36, 700, {
        opensItem: true,
      }),
      placed("Terraform", 36, 688, { opensItem: true }),
    ];
    expect(linesOf(items)).toEqual([
      "- Kubernetes and the rest of the platform the team was running in 2022",
      "- Terraform",
    ]);
  });
});
