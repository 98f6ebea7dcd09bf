import { describe, expect, it } from "vitest";
import { analyzeJob } from "../src/analyze.ts";
import { parseResumeFile } from "../src/documents.ts";
import { MATCH_WEIGHTS, matchResume } from "../src/match.ts";
import { parseResumeText } from "../src/parse.ts";
import { findSkills } from "../src/skills.ts";
import type { JobAnalysis, ParsedResume, Suggestion } from "../src/types.ts";
import { fixtureBytes } from "./support/files.ts";
import { loadLabels, readLabelledFile } from "./support/labelled.ts";

const labels = loadLabels();
const resumes = new Map(
  labels.resumes.map((label) => [label.id, parseResumeText(readLabelledFile(label.file))]),
);
const jobs = labels.jobs.map((label) => ({ label, job: analyzeJob(readLabelledFile(label.file)) }));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

describe("matchResume ranking on the labelled set", () => {
  it.each(jobs.map(({ label, job }) => [label.id, label, job] as const))("%s", (_id, label, job) => {
    const scores = new Map([...resumes].map(([id, resume]) => [id, matchResume(resume, job).score]));
    const unrelated = [...scores].filter(
      ([id]) => !label.goodFitFor.includes(id) && !label.partialFitFor.includes(id),
    );
    const bestUnrelated = Math.max(...unrelated.map(([, score]) => score));
    for (const id of label.goodFitFor) expect(scores.get(id)).toBeGreaterThan(bestUnrelated);
    for (const id of label.partialFitFor) {
      expect(scores.get(id)).toBeGreaterThan(median(unrelated.map(([, score]) => score)));
      for (const good of label.goodFitFor) expect(scores.get(id)).toBeLessThan(scores.get(good) ?? 0);
    }
  });
});

describe("matchResume breakdown", () => {
  it("is the documented weighted sum, for every resume and job", () => {
    expect(Object.values(MATCH_WEIGHTS).reduce((sum, weight) => sum + weight, 0)).toBeCloseTo(1, 10);
    for (const resume of resumes.values()) {
      for (const { job } of jobs) {
        const { score, breakdown, matchedKeywords, missingKeywords } = matchResume(resume, job);
        const weighted =
          0.25 * breakdown.keywordCoverage +
          0.2 * breakdown.skillsCoverage +
          0.15 * breakdown.roleFit +
          0.25 * breakdown.fieldFit +
          0.1 * breakdown.experienceFit +
          0.05 * breakdown.sectionCompleteness;
        expect(score).toBe(Math.round(weighted));
        expect(Number.isInteger(score) && score >= 0 && score <= 100).toBe(true);
        expect([...matchedKeywords, ...missingKeywords].sort()).toEqual([...job.keywords].sort());
        expect(breakdown.keywordCoverage).toBe(
          Math.round((100 * matchedKeywords.length) / job.keywords.length),
        );
      }
    }
  });

  it("counts required skills double in skills coverage", () => {
    const job: JobAnalysis = {
      title: "Analyst",
      seniority: "unspecified",
      requiredSkills: ["SQL"],
      niceToHaveSkills: ["Tableau", "Python"],
      yearsOfExperience: null,
      responsibilities: [],
      keywords: ["SQL", "Tableau", "Python"],
    };
    const withRequired = parseResumeText("Ann Lee\nann@example.com\nSkills\nSQL");
    const withNiceOnes = parseResumeText("Ann Lee\nann@example.com\nSkills\nTableau, Python");
    expect(matchResume(withRequired, job).breakdown.skillsCoverage).toBe(50);
    expect(matchResume(withNiceOnes, job).breakdown.skillsCoverage).toBe(50);
    expect(matchResume(withRequired, job).breakdown.keywordCoverage).toBe(33);
  });

  it("scores section completeness on contact, summary, skills, experience and education", () => {
    const job = analyzeJob("Clerk\nRequirements\n- Data entry");
    const bare = parseResumeText("Sam Roe\nSkills\nData Entry");
    const result = matchResume(bare, job);
    expect(result.breakdown.sectionCompleteness).toBe(20);
    expect(result.suggestions.map((suggestion) => suggestion.text)).toEqual(
      expect.arrayContaining([
        "Add an email address or phone number to your contact details",
        "Add a short summary that leads with your experience in Data Entry",
        "Add your education (degree and institution)",
      ]),
    );
  });

  it("finds a word of the job inside a compound of the resume", () => {
    const job = analyzeJob("Backend Engineer\nRequirements\n- Solid understanding of idempotency");
    expect(job.requiredSkills).toContain("idempotency");
    const resume = parseResumeText(
      "Ola Nowak\nola@example.com\nExperience\nEngineer — Acme\n- Designed an idempotency-key layer on Postgres",
    );
    expect(matchResume(resume, job).missingKeywords).not.toContain("idempotency");
  });

  it("matches keywords outside the taxonomy as phrases", () => {
    const job = analyzeJob(
      "Safety Officer\nRequirements\n- EHS walkdown ownership and NEBOSH General Certificate",
    );
    expect(job.keywords).toEqual([
      "Safety Officer",
      "Officer",
      "EHS walkdown",
      "NEBOSH General Certificate",
      "EHS",
      "NEBOSH",
    ]);
    const resume = parseResumeText(
      "Ola Nowak\nola@example.com\nSummary\nSafety officer; ran the EHS walkdown for 3 plants.",
    );
    expect(matchResume(resume, job)).toMatchObject({
      matchedKeywords: ["Safety Officer", "Officer", "EHS walkdown", "EHS"],
      missingKeywords: ["NEBOSH General Certificate", "NEBOSH"],
    });
  });

  it("notices a job analysis changed after it was first scored", () => {
    const job = analyzeJob("Engineer\nRequirements\n- Python");
    const resume = parseResumeText("Ann Lee\nEngineer\nann@example.com\nSkills\nPython, Rust");
    expect(matchResume(resume, job).breakdown.keywordCoverage).toBe(100);
    job.keywords.push("Haskell");
    expect(matchResume(resume, job).missingKeywords).toEqual(["Haskell"]);
  });
});

describe("matchResume suggestions", () => {
  const backendJob = analyzeJob(`Senior Backend Engineer
Requirements
- 5+ years building services in TypeScript with PostgreSQL and Kubernetes.
Nice to have
- Terraform`);

  it("names missing skills, conditionally, and never the ones the resume has", async () => {
    const { resume } = await parseResumeFile(fixtureBytes("software-engineer.pdf"));
    const { suggestions: advice, missingKeywords } = matchResume(resume, backendJob);
    const suggestions = advice.map((suggestion) => suggestion.text);
    expect(missingKeywords).toEqual(["Kubernetes", "Terraform"]);
    expect(suggestions).toContain("Add Kubernetes to your skills section if you have used it");
    expect(suggestions).toContain(
      "If you have worked with Terraform, mention it: the job lists it as a plus",
    );
    expect(suggestions.join("\n")).not.toMatch(/Add (TypeScript|PostgreSQL)/);
  });

  it("points at a bullet that already shows a skill, and at a skills section that omits it", () => {
    const resume = parseResumeText(`Jane Doe
jane@example.com
Summary
Backend engineer with 8 years of experience.
Skills
TypeScript
Experience
Senior Engineer — Acme Payments
Jan 2019 – Present
- Led a team of 4 engineers building the payments API
- Migrated billing to Postgres, cutting invoice latency by 40%`);
    const { suggestions } = matchResume(resume, backendJob);
    const bullet = {
      role: 0,
      index: 1,
      text: "Migrated billing to Postgres, cutting invoice latency by 40%",
    };
    expect(suggestions).toContainEqual({
      text: "Your bullet about 'migrated billing to Postgres' shows PostgreSQL — move it up",
      reason: "The job requires PostgreSQL, and readers and screens weigh a role's first bullets most",
      section: "experience",
      bullet,
    });
    expect(suggestions).toContainEqual({
      text: "List PostgreSQL in your skills section; your experience already shows it",
      reason: "The job requires PostgreSQL, and keyword screens look for it in the skills section",
      section: "skills",
      bullet,
    });
  });

  it("asks for explicit dates when roles have none, and for the span in the summary when it is missing", () => {
    const undated = parseResumeText(
      "Ann Lee\nann@example.com\nExperience\nEngineer — Acme\n- Built TypeScript services",
    );
    expect(matchResume(undated, backendJob).suggestions).toContainEqual({
      text: "The job asks for 5+ years; make the dates of your roles explicit",
      reason: "The job asks for 5+ years of experience, and screens count them from your dates",
      section: "experience",
    });
    const dated = parseResumeText(
      "Ann Lee\nann@example.com\nSummary\nBackend engineer.\nExperience\nEngineer — Acme\n2012 – 2020\n- Built TypeScript services",
    );
    expect(matchResume(dated, backendJob).suggestions).toContainEqual(
      expect.objectContaining({
        text: "Your roles span about 8 years and the job asks for 5+; say so in your summary",
        section: "summary",
      }),
    );
  });

  it("only ever quotes the resume or asks conditionally, and says where and why", () => {
    for (const resume of resumes.values()) {
      for (const { job } of jobs) {
        for (const suggestion of matchResume(resume, job).suggestions) expectHonest(suggestion, resume);
      }
    }
  });
});

function expectHonest(
  { text: suggestion, reason, section, bullet: located }: Suggestion,
  resume: ParsedResume,
): void {
  expect(reason, suggestion).toMatch(/\S/);
  expect(["contact", "summary", "skills", "experience", "education"], suggestion).toContain(section);
  if (located) expect(resume.experience[located.role]?.bullets[located.index], suggestion).toBe(located.text);
  const bullets = resume.experience.flatMap((entry) => entry.bullets);
  const quoted = /^Your bullet about '(.+)' shows (.+) — move it up$/.exec(suggestion);
  const listed = /^List (.+) in your skills section; your experience already shows it$/.exec(suggestion);
  if (quoted) {
    const [, excerpt = "", skill = ""] = quoted;
    const bullet = located?.text;
    expect(bullet?.toLowerCase(), suggestion).toContain(excerpt.toLowerCase());
    expect(bullet, suggestion).toBeDefined();
    expect(findSkills(bullet ?? ""), suggestion).toContain(skill);
  } else if (listed) {
    expect(findSkills(bullets.join("\n")), suggestion).toContain(listed[1]);
  } else {
    expect(suggestion, suggestion).toMatch(
      /if you have|if it applies|^Add |^Your roles span|^The job asks for/i,
    );
  }
}
