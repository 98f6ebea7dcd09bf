import { describe, expect, it } from "vitest";
import { FIELDS, fieldOfSkill, readTaxonomyFile, skillTaxonomy, taxonomyVersion } from "../src/taxonomy.ts";

const file = (data: unknown) => JSON.stringify(data);

describe("the skills taxonomy files", () => {
  it("are loaded for every field, each with its version", () => {
    expect(taxonomyVersion.split(" ").map((entry) => entry.split("@")[0])).toEqual([...FIELDS]);
    expect(taxonomyVersion).toMatch(/^(?:\w+@\d+ ?)+$/);
    expect(fieldOfSkill.get("Kubernetes")).toBe("software");
    expect(fieldOfSkill.get("Night Audit")).toBe("hospitality");
    expect(fieldOfSkill.get("Microsoft Excel")).toBe("general");
    expect(fieldOfSkill.get("Westlaw")).toBe("legal");
    expect(fieldOfSkill.get("Bitrise")).toBe("software");
    expect(fieldOfSkill.get("High-Performance Liquid Chromatography")).toBe("science");
    expect(fieldOfSkill.get("Signs of Safety")).toBe("social");
    expect(fieldOfSkill.get("Zoning")).toBe("public");
  });

  it("give every canonical name once", () => {
    const names = skillTaxonomy.map((skill) => skill.name.toLowerCase());
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it("refuse a file that is not what its name says, or a malformed skill, naming the file", () => {
    const skills = [{ name: "Welding" }];
    expect(() =>
      readTaxonomyFile("trades", file({ field: "design", version: 1, about: "", skills })),
    ).toThrow('taxonomy/trades.json: "field" must be "trades"');
    expect(() =>
      readTaxonomyFile("trades", file({ field: "trades", version: 0, about: "", skills })),
    ).toThrow(/"version" must be a positive integer/);
    expect(() =>
      readTaxonomyFile("trades", file({ field: "trades", version: 2, about: "", skills: [{ name: "" }] })),
    ).toThrow(/skill 0 needs a name/);
    expect(() =>
      readTaxonomyFile(
        "trades",
        file({ field: "trades", version: 2, about: "", skills: [{ name: "Welding", alias: ["TIG"] }] }),
      ),
    ).toThrow(/skill 0/);
    expect(
      readTaxonomyFile("trades", file({ field: "trades", version: 2, about: "", skills })).skills,
    ).toEqual(skills);
  });
});
