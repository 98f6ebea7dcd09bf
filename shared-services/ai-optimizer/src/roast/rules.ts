import type { BulletRef, ParsedResume } from "@hireloop/resume-core";
import { type Finding, type FindingKind, findRoastFindings, type RoastSection } from "./findings.ts";

export type RoastStyleName = "gentle" | "honest" | "savage";

export interface RoastPoint {
  section: RoastSection;
  remark: string;
  fix: string;
  /** The bullets the point is about, when it is about bullets. */
  bullets: BulletRef[];
}

export interface Roast {
  headline: string;
  points: RoastPoint[];
  /** 0–10, higher is better. */
  score: number;
}

type Remark = (finding: Finding) => string;

const quote = (finding: Finding) => finding.examples.map((example) => `"${clip(example)}"`).join(", ");
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? "" : "s"}`;

/**
 * The same findings said three ways. Gentle encourages and never mocks; honest states the fact and
 * its cost; savage is blunt and funny at the resume's expense, never the person's. Every remark
 * quotes or counts what the resume actually says.
 */
const REMARKS: Record<FindingKind, Record<RoastStyleName, Remark>> = {
  missing_contact: {
    gentle: (f) =>
      `It would help to add your ${f.examples.join(" and ")} so recruiters can reach you easily.`,
    honest: (f) =>
      `No ${f.examples.join(" or ")} on the page: a recruiter who likes you cannot call you back.`,
    savage: (f) => `No ${f.examples.join(" or ")}. Bold strategy: be impressive, then unreachable.`,
  },
  missing_summary: {
    gentle: () => "A short summary at the top could help readers see your strengths at a glance.",
    honest: () => "There is no summary, so the reader has to work out who you are from the job list.",
    savage: () => "No summary. The recruiter gets six seconds and you spend them on a guessing game.",
  },
  long_summary: {
    gentle: (f) => `Your summary runs to ${f.count} words; a shorter one might let your best points shine.`,
    honest: (f) => `The summary is ${f.count} words long; most readers stop after the first two lines.`,
    savage: (f) => `${f.count} words of summary. That is not a summary, that is a memoir.`,
  },
  missing_skills: {
    gentle: () => "Adding a skills section could help applicant tracking systems find you.",
    honest: () => "There is no skills section, so keyword screens have nothing to match against.",
    savage: () => "No skills section. The ATS reads it as a blank page and moves on.",
  },
  missing_experience: {
    gentle: () => "Consider adding any roles, internships or projects: they are worth showing.",
    honest: () => "There is no experience section, which is the first thing most readers look for.",
    savage: () => "No experience section. The resume skips the only part anyone reads.",
  },
  missing_education: {
    gentle: () => "You might add your education or training, even briefly.",
    honest: () => "Education is missing; some screens filter on it before a person ever looks.",
    savage: () => "Education: missing. Filters will assume the worst, and filters are not kind.",
  },
  buzzwords: {
    gentle: (f) => `Words like ${quote(f)} are common; concrete examples could show those qualities better.`,
    honest: (f) =>
      `${quote(f)} ${f.count === 1 ? "is a cliché" : "are clichés"} that every applicant writes; they add nothing.`,
    savage: (f) => `${quote(f)}. Buzzword bingo, and the recruiter just won.`,
  },
  vague_bullets: {
    gentle: (f) => `${plural(f.count, "bullet")} could be even stronger with a number, e.g. ${quote(f)}.`,
    honest: (f) => `${plural(f.count, "bullet")} state duties without results or figures, e.g. ${quote(f)}.`,
    savage: (f) =>
      `${plural(f.count, "bullet")} without a single number, e.g. ${quote(f)}. Did anything happen?`,
  },
  weak_openers: {
    gentle: (f) =>
      `${plural(f.count, "bullet")} start softly, e.g. ${quote(f)}; an action verb could lead instead.`,
    honest: (f) =>
      `${plural(f.count, "bullet")} open with passive phrasing, e.g. ${quote(f)}, which hides what you did.`,
    savage: (f) => `${quote(f)}. That is how job ads talk, not people who got things done.`,
  },
  long_bullets: {
    gentle: (f) =>
      `${plural(f.count, "bullet")} run long, e.g. ${quote(f)}; splitting them may read more easily.`,
    honest: (f) =>
      `${plural(f.count, "bullet")} are over 35 words, e.g. ${quote(f)}; skimmers will skip them.`,
    savage: (f) => `${plural(f.count, "bullet")} are paragraphs in disguise, e.g. ${quote(f)}.`,
  },
  thin_roles: {
    gentle: (f) => `${quote(f)} could say a little more about what you achieved there.`,
    honest: (f) =>
      `${quote(f)} ${f.count === 1 ? "has" : "have"} fewer than two bullets, so the role looks empty.`,
    savage: (f) => `${quote(f)}: a job title and a shrug.`,
  },
  unevidenced_skills: {
    gentle: (f) => `Your experience could show where you used ${quote(f)}.`,
    honest: (f) =>
      `${quote(f)} ${f.count === 1 ? "is" : "are"} listed as skills but no role shows ${f.count === 1 ? "it" : "them"} in use.`,
    savage: (f) => `${quote(f)} listed, never used in any job. Decorative skills.`,
  },
};

const FIXES: Record<FindingKind, (finding: Finding) => string> = {
  missing_contact: (f) => `Add your ${f.examples.join(" and ")} to the header.`,
  missing_summary: () => "Write two or three lines: your role, your years in it and your strongest skills.",
  long_summary: () => "Cut the summary to about 40–60 words: who you are, what you do best, what you want.",
  missing_skills: () => "Add a skills section listing the tools and methods you really use.",
  missing_experience: () => "Add your roles (or internships and projects) with what you achieved in each.",
  missing_education: () => "Add your degree, school or training and the year you finished.",
  buzzwords: () => "Replace each adjective with one achievement that proves it.",
  vague_bullets: () => "Add the figure you actually have for each: how many, how much, how fast, how often.",
  weak_openers: () => "Start each bullet with what you did: led, built, cut, grew, shipped.",
  long_bullets: () => "Keep each bullet to one line or two: the action, then the result.",
  thin_roles: () => "Give each role two to four bullets about results, not duties.",
  unevidenced_skills: () => "Mention each listed skill in the bullet where you used it, or drop it.",
};

const CLEAN: Record<RoastStyleName, string> = {
  gentle: "This resume is in good shape: clear sections and results with numbers. Nice work.",
  honest: "Nothing structural to fix: sections are complete and bullets carry figures.",
  savage: "Annoyingly solid. Sections present, numbers in the bullets. Nothing to roast.",
};

const HEADLINES: Record<RoastStyleName, [low: string, mid: string, high: string]> = {
  gentle: [
    "A good foundation with room to grow",
    "Solid, with a few easy improvements",
    "Strong resume, just a little polish",
  ],
  honest: [
    "Needs real work before it goes out",
    "Decent, but it undersells you",
    "Strong, with minor issues",
  ],
  savage: ["This resume is a cry for help", "Mediocre, and it knows it", "Good. Irritatingly good."],
};

/** The rule-only roast: fast, free, and every point backed by something in the resume. */
export function roastByRules(resume: ParsedResume, style: RoastStyleName): Roast {
  const findings = findRoastFindings(resume).sort((a, b) => b.penalty - a.penalty);
  const score = Math.max(0, Math.min(10, 10 - findings.reduce((sum, finding) => sum + finding.penalty, 0)));
  const points =
    findings.length === 0
      ? [
          {
            section: "overall" as const,
            remark: CLEAN[style],
            fix: "Tailor it to each job you apply for.",
            bullets: [],
          },
        ]
      : findings.map((finding) => ({
          section: finding.section,
          remark: REMARKS[finding.kind][style](finding),
          fix: FIXES[finding.kind](finding),
          bullets: finding.bullets,
        }));
  const [low, mid, high] = HEADLINES[style];
  return { headline: score <= 4 ? low : score <= 7 ? mid : high, points, score };
}

function clip(text: string, max = 60): string {
  const trimmed = text.trim();
  return trimmed.length <= max ? trimmed : `${trimmed.slice(0, max - 1).trimEnd()}…`;
}
