import { isOpenEnd, yearOf } from "./dates.ts";
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
 * A role's first and last month as month counts (year × 12 + month − 1); null for an open end
 * ("Present", "heute"), which counts up to the month the role is judged in.
 */
export type RoleSpan = [start: number | null, end: number | null];

/**
 * A date as written, as a month count. A date without a month is taken as January when it opens a
 * role and December when it closes one, so "2019 – 2020" is two years.
 */
function monthOf(date: string | undefined, edge: "start" | "end"): number | null | undefined {
  if (date !== undefined && isOpenEnd(date)) return null;
  const key = normalizeDateField(date);
  if (key === "present") return null;
  const month = /^(\d{4})-(\d{2})/u.exec(key);
  if (month) return Number(month[1]) * 12 + Number(month[2]) - 1;
  const year = yearOf(date, 0);
  if (year === undefined) return undefined;
  return year * 12 + (edge === "start" ? 0 : 11);
}

/**
 * The spans of the paid roles (volunteer and campus roles are listed apart) whose dates can be
 * read; a role with one date spans that date's month.
 */
export function roleSpans(experience: ExperienceEntry[]): RoleSpan[] {
  const spans: RoleSpan[] = [];
  for (const role of experience) {
    if (role.kind !== undefined) continue;
    const end = monthOf(role.endDate ?? role.startDate, "end");
    const start = monthOf(role.startDate ?? role.endDate, "start");
    if (start !== undefined && end !== undefined) spans.push([start, end]);
  }
  return spans;
}

/** Years of work the spans prove, overlapping spans counted once; a span that runs backwards, none. */
export function yearsOfSpans(spans: readonly RoleSpan[], now = new Date()): number {
  const thisMonth = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const months: [number, number][] = [];
  for (const [start, end] of spans) {
    const from = start ?? thisMonth;
    const to = end ?? thisMonth;
    if (to >= from) months.push([from, to + 1]);
  }
  months.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = Number.NEGATIVE_INFINITY;
  for (const [start, end] of months) {
    if (end <= reached) continue;
    total += end - Math.max(start, reached);
    reached = end;
  }
  return total / 12;
}

/**
 * 0–100: how much of the experience the job asks for (its stated years, else its level's) the
 * years of work cover. 100 for a job that asks for none.
 */
export function fitOfYears(years: number, job: Pick<JobAnalysis, "yearsOfExperience" | "seniority">): number {
  const asked = yearsAsked(job);
  if (asked === 0) return 100;
  return Math.round(100 * Math.min(1, years / asked));
}
