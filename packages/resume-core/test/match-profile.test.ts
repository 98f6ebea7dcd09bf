import { describe, expect, it } from "vitest";
import { analyzeJob } from "../src/analyze.ts";
import { matchResume, scoreMatch } from "../src/match.ts";
import {
  isCurrentProfile,
  MATCH_PROFILE_VERSION,
  type MatchProfile,
  profileResume,
} from "../src/match-profile.ts";
import { parseResumeText } from "../src/parse.ts";
import { loadLabels, readLabelledFile } from "./support/labelled.ts";

const labels = loadLabels();
const resumes = labels.resumes.map((label) => parseResumeText(readLabelledFile(label.file)));
const jobs = labels.jobs.map((label) => analyzeJob(readLabelledFile(label.file)));
/** As the database gives it back. */
const stored = (profile: MatchProfile): MatchProfile => JSON.parse(JSON.stringify(profile));

describe("a resume's match profile", () => {
  it("scores every resume against every job as reading the resume does", () => {
    for (const resume of resumes) {
      const profile = stored(profileResume(resume));
      for (const job of jobs) {
        const { suggestions, ...score } = matchResume(resume, job);
        expect(scoreMatch(profile, job)).toEqual(score);
        expect(matchResume(resume, job, profile)).toEqual({ ...score, suggestions });
      }
    }
  });

  it("is used as stored while its version is current, and read again from the resume otherwise", () => {
    const [resume, other] = resumes as [(typeof resumes)[number], (typeof resumes)[number]];
    const job = jobs[0] as (typeof jobs)[number];
    const othersProfile = stored(profileResume(other));
    expect(isCurrentProfile(othersProfile)).toBe(true);
    expect(matchResume(resume, job, othersProfile).score).toBe(scoreMatch(othersProfile, job).score);
    expect(matchResume(resume, job, othersProfile).score).not.toBe(matchResume(resume, job).score);
    for (const stale of [
      { ...othersProfile, version: `0 ${MATCH_PROFILE_VERSION}` },
      null,
      "{}",
      undefined,
    ]) {
      expect(isCurrentProfile(stale)).toBe(false);
      expect(matchResume(resume, job, stale)).toEqual(matchResume(resume, job));
    }
  });

  it("counts a role still open up to the month it is scored in", () => {
    const resume = parseResumeText(
      "Ada Lovelace\nada@example.com\n\nExperience\nBackend Engineer, Acme\nJan 2024 – Present\n- Built APIs in Go\n",
    );
    const job = analyzeJob("Backend Engineer\n\nWe need 5+ years of experience building APIs in Go.");
    const profile = stored(profileResume(resume));
    const early = scoreMatch(profile, job, new Date(Date.UTC(2025, 0, 15))).breakdown.experienceFit;
    const later = scoreMatch(profile, job, new Date(Date.UTC(2028, 0, 15))).breakdown.experienceFit;
    expect(early).toBe(Math.round((100 * 13) / 12 / 5));
    expect(later).toBe(Math.round((100 * 49) / 12 / 5));
  });
});
