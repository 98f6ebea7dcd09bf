import { describe, expect, it } from "vitest";
import { analyzeJob } from "../src/analyze.ts";
import { matchResume } from "../src/match.ts";
import { parseResumeText } from "../src/parse.ts";

/** Lines in the shapes resumes and job posts use, shuffled into documents no one wrote on purpose. */
const PIECES = [
  "EXPERIENCE",
  "Skills:",
  "Education",
  "- ",
  "Jan 2019 – Present",
  "2018 - 2021",
  "Senior Engineer — Acme Corp",
  "Acme | Nurse | 03/2017 – 06/2019",
  "Austin, TX",
  "jane@example.com",
  "+1 (555) 123-4567",
  "C++, C#, .NET; CI/CD",
  "University of Somewhere, 2012",
  "Requirements",
  "Nice to have",
  "5+ years of Python is a plus",
  "(",
  ")",
  "|",
  "—",
  "•",
  "日本語のテキスト",
  "🙂",
  "\u0000",
  "",
];

function seededDocument(seed: number): string {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state;
  };
  return Array.from({ length: 40 }, () => {
    const line = [PIECES[next() % PIECES.length], PIECES[next() % PIECES.length]].join(next() % 2 ? " " : "");
    return line;
  }).join(next() % 3 === 0 ? "\r\n" : "\n");
}

describe("parser, analyzer and matcher on arbitrary text", () => {
  it("never throw and keep their output well-formed", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const text = seededDocument(seed);
      const resume = parseResumeText(text);
      const job = analyzeJob(seededDocument(seed + 1000));
      const result = matchResume(resume, job);
      expect(resume.skills.every((skill) => skill.trim() !== "")).toBe(true);
      expect(resume.experience.every((role) => role.bullets.every((bullet) => bullet.trim() !== ""))).toBe(
        true,
      );
      expect(result.score).toBeGreaterThanOrEqual(0);
      expect(result.score).toBeLessThanOrEqual(100);
    }
  });

  it("handle empty input", () => {
    const resume = parseResumeText("");
    expect(resume).toMatchObject({ contact: { name: "", links: [] }, skills: [], experience: [], text: "" });
    const job = analyzeJob("");
    expect(job).toMatchObject({ title: "", seniority: "unspecified", keywords: [], yearsOfExperience: null });
    // An empty job shows no evidence of fit: nothing to rank a resume on.
    expect(matchResume(resume, job).breakdown).toEqual({
      keywordCoverage: 0,
      skillsCoverage: 0,
      roleFit: 0,
      fieldFit: 0,
      sectionCompleteness: 0,
      experienceFit: 0,
    });
  });

  it("judge a job that names no skills on its keywords, and one with no terms at all as no fit", () => {
    const resume = parseResumeText(
      "Dana Doe\ndana@example.com\n\nSkills\nTypeScript, PostgreSQL\n\nExperience\nEngineer, Acme\n- Built billing APIs in TypeScript",
    );
    const noTerms = analyzeJob("We are a friendly team. Join us and grow with us.");
    expect(noTerms.keywords).toEqual([]);
    expect(matchResume(resume, noTerms).breakdown).toMatchObject({ keywordCoverage: 0, skillsCoverage: 0 });
    const keywordsOnly = {
      ...analyzeJob("Billing APIs and invoicing for our customers."),
      requiredSkills: [],
      niceToHaveSkills: [],
    };
    const breakdown = matchResume(resume, keywordsOnly).breakdown;
    expect(breakdown.skillsCoverage).toBe(breakdown.keywordCoverage);
  });
});
