import { yearOf } from "./dates.ts";
import { normalizeDateField } from "./facts.ts";
import type { ExperienceEntry, JobAnalysis, Seniority } from "./types.ts";

/**
 * Years a job of each level asks for when its description names no number: what job boards and
 * levelling guides commonly mean by the word. Entry levels ask for none, so nobody is marked down
 * for them.
 */
const YEARS_OF_LEVEL: Record<Seniority, number> = {
  intern: 0,
  junior: 0,
  mid: 2,
  senior: 5,
  lead: 6,
  principal: 8,
  executive: 10,
  unspecified: 0,
};

/** The years a job asks for: the number its description states, else the usual years of its level. */
export function yearsAsked(job: Pick<JobAnalysis, "yearsOfExperience" | "seniority">): number {
  return job.yearsOfExperience ?? YEARS_OF_LEVEL[job.seniority];
}

/**
 * A date as written, as a month count (year × 12 + month − 1). A date without a month is taken as
 * January when it opens a role and December when it closes one, so "2019 – 2020" is two years.
 */
function monthOf(date: string | undefined, edge: "start" | "end", now: Date): number | undefined {
  const key = normalizeDateField(date);
  if (key === "present") return now.getUTCFullYear() * 12 + now.getUTCMonth();
  const month = /^(\d{4})-(\d{2})/u.exec(key);
  if (month) return Number(month[1]) * 12 + Number(month[2]) - 1;
  const year = yearOf(date, now.getUTCFullYear());
  if (year === undefined) return undefined;
  return year * 12 + (edge === "start" ? 0 : 11);
}

/**
 * Years of work the roles' dates prove: paid roles only (volunteer and campus roles are listed
 * apart), overlapping roles counted once, a role with one date counted as up to that date's month.
 */
export function yearsOfWork(experience: ExperienceEntry[], now = new Date()): number {
  const spans: [number, number][] = [];
  for (const role of experience) {
    if (role.kind !== undefined) continue;
    const end = monthOf(role.endDate ?? role.startDate, "end", now);
    const start = monthOf(role.startDate ?? role.endDate, "start", now);
    if (start === undefined || end === undefined || end < start) continue;
    spans.push([start, end + 1]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  let months = 0;
  let reached = Number.NEGATIVE_INFINITY;
  for (const [start, end] of spans) {
    if (end <= reached) continue;
    months += end - Math.max(start, reached);
    reached = end;
  }
  return months / 12;
}

/**
 * 0–100: how much of the experience the job asks for (its stated years, else its level's) the
 * resume's dates prove. 100 for a job that asks for none.
 */
export function experienceFit(
  experience: ExperienceEntry[],
  job: Pick<JobAnalysis, "yearsOfExperience" | "seniority">,
  now = new Date(),
): number {
  const asked = yearsAsked(job);
  if (asked === 0) return 100;
  return Math.round(100 * Math.min(1, yearsOfWork(experience, now) / asked));
}
