import { analyzeJob, matchResume, parseResumeText, tailorResume } from "@hireloop/resume-core";
import { textFixture } from "@hireloop/testkit/fixtures";
import { describe, expect, it } from "vitest";
import { JobAnalysis, MatchResult, Resume, TailoredResume } from "../gen/hireloop/resume/v1/resume.ts";
import {
  fromWireFormat,
  fromWireJob,
  fromWireMatch,
  fromWireResume,
  fromWireTailored,
  fromWireUploadKind,
  toWireFormat,
  toWireJob,
  toWireMatch,
  toWireResume,
  toWireTailored,
  toWireUploadKind,
} from "../src/convert.ts";

describe("resume shapes over the wire", () => {
  const resume = parseResumeText(textFixture("resume.txt"));
  const job = analyzeJob(textFixture("job-backend.txt"));

  it("survive encoding to protobuf bytes and back unchanged", () => {
    const back = fromWireResume(Resume.decode(Resume.encode(toWireResume(resume)).finish()));
    expect(back).toEqual(resume);
    expect(Object.keys(back.otherSections).length + back.experience.length).toBeGreaterThan(0);
    expect(fromWireJob(JobAnalysis.decode(JobAnalysis.encode(toWireJob(job)).finish()))).toEqual(job);
    const match = matchResume(resume, job);
    expect(fromWireMatch(MatchResult.decode(MatchResult.encode(toWireMatch(match)).finish()))).toEqual(match);
    const tailored = tailorResume(resume, job);
    expect(
      fromWireTailored(TailoredResume.decode(TailoredResume.encode(toWireTailored(tailored)).finish())),
    ).toEqual(tailored);
  });

  it("carry located suggestions, and read a peer that sends only their texts", () => {
    const scored = matchResume(resume, job);
    const bullet = { role: 0, index: 1, text: "Migrated billing to Postgres" };
    const moveUp = {
      text: "Move it up",
      reason: "The job requires PostgreSQL",
      section: "experience" as const,
      bullet,
    };
    const match = { ...scored, suggestions: [...scored.suggestions, moveUp] };
    expect(fromWireMatch(MatchResult.decode(MatchResult.encode(toWireMatch(match)).finish()))).toEqual(match);
    const wire = toWireMatch(match);
    expect(wire.suggestions).toEqual(match.suggestions.map((suggestion) => suggestion.text));
    const older = MatchResult.decode(MatchResult.encode({ ...wire, locatedSuggestions: [] }).finish());
    expect(fromWireMatch(older).suggestions).toEqual(
      match.suggestions.map(({ text }) => ({ text, reason: "", section: "experience" })),
    );
  });

  it("keep a job without a years requirement as null, and unknown formats as no format", () => {
    const noYears = { ...job, yearsOfExperience: null, seniority: "lead" as const };
    expect(fromWireJob(JobAnalysis.decode(JobAnalysis.encode(toWireJob(noYears)).finish()))).toEqual(noYears);
    expect(fromWireFormat(toWireFormat("docx"))).toBe("docx");
    expect(fromWireFormat(toWireFormat("pdf"))).toBe("pdf");
    expect(fromWireFormat(0)).toBeUndefined();
    for (const kind of ["pdf", "docx", "text"] as const)
      expect(fromWireUploadKind(toWireUploadKind(kind))).toBe(kind);
    expect(fromWireUploadKind(0)).toBeUndefined();
  });

  it("keep absent optional fields absent, merge two sections with one heading, and read a missing contact as empty", () => {
    const intern = { title: "Intern", company: "Acme", bullets: [] };
    const withIntern = { ...resume, experience: [...resume.experience, intern] };
    const back = fromWireResume(Resume.decode(Resume.encode(toWireResume(withIntern)).finish()));
    expect(Object.keys(back.experience.at(-1) ?? {})).toEqual(["title", "company", "bullets"]);

    const wire = toWireResume(resume);
    wire.otherSections = [
      { heading: "Projects", lines: ["A"] },
      { heading: "Certifications", lines: ["CKA"] },
      { heading: "Projects", lines: ["B"] },
    ];
    expect(fromWireResume(wire).otherSections).toEqual({ Projects: ["A", "B"], Certifications: ["CKA"] });
    expect(fromWireResume({ ...wire, contact: undefined }).contact).toEqual({ name: "", links: [] });
  });
});
