import { describe, expect, it } from "vitest";
import { listedTerms } from "../src/requirement-terms.ts";

/** Words beside a requirement's terms that name nothing themselves. */
describe("listedTerms: what names no term", () => {
  it("reads no term from the word 'certification' alone", () => {
    expect(listedTerms("Medical-Surgical Registered Nurse (CMSRN) certification, or BLS")).toEqual([
      "Medical-Surgical Registered Nurse",
      "CMSRN",
      "BLS",
    ]);
  });

  it("reads no term from 'some time' spent doing something", () => {
    expect(
      listedTerms(
        "Two years in a warehouse, including some time leading or supervising a team, and RF scanners",
      ),
    ).toEqual(["RF scanners"]);
  });

  it("reads no term from a kind of thing that its examples name", () => {
    expect(listedTerms("- Experience with a BI tool such as Power BI, Tableau or Qlik")).toEqual([
      "Power BI",
      "Tableau",
      "Qlik",
    ]);
  });

  it("reads no term from what one likes doing", () => {
    expect(listedTerms("You're comfortable in Figma and enjoy pairing with designers")).toEqual(["Figma"]);
  });

  it("reads no term from a time of day", () => {
    expect(listedTerms("- Permis B et véhicule (pas de bus avant 5h30)")).toEqual(["Permis B", "véhicule"]);
  });

  it("reads no term from a role one has held", () => {
    expect(listedTerms("You have worked as a Sous Chef or a strong Junior Sous, with HACCP")).toEqual([
      "HACCP",
    ]);
    expect(listedTerms("Two years of experience as an Electrician's Mate using NICEIC forms")).toEqual([
      "NICEIC forms",
    ]);
  });

  it("drops the Spanish or French verb that leads up to what is named", () => {
    expect(
      listedTerms("Estás acostumbrado/a a trabajar con Scrum, a documentar casos de prueba en Jira"),
    ).toEqual(["Scrum", "casos de prueba", "Jira"]);
  });

  it("reads no term from where one has worked or from an activity whose object follows", () => {
    expect(listedTerms("Tres años de experiencia en estudio o agencia")).toEqual([]);
    expect(listedTerms("Experience in design of payment flows")).toEqual([]);
  });
});
