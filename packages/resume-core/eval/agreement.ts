/**
 * npm run eval:agreement — how far careful readers agree on the golden job posts. Two readers who
 * never saw the golden labels, the analyzer or each other's work labelled every post from its text
 * under the same rules (eval/readings/<reader>/<id>.json). Each reader is scored against the golden
 * labels exactly as the analyzer is (same folding, same skill forms), and against each other: what
 * one careful reader gives the other is the most a reader of the same text can be expected to
 * agree with the labels, per split (ADR 0020).
 */
import { analyzeJob } from "../src/index.ts";
import { goldenSplit } from "./evaluate.ts";
import { loadJobSources, loadResumeSources } from "./golden/load.ts";
import type { Split } from "./matching.ts";
import { add, type Counts, f1, many, none, single } from "./metrics.ts";
import { loadReadings, type Reading } from "./readings/load.ts";
import { skillForm } from "./score.ts";

const FIELDS = ["title", "requiredSkills", "niceToHaveSkills"] as const;
type Field = (typeof FIELDS)[number];

function agreement(expected: Reading, found: Reading): Record<Field, Counts> {
  return {
    title: single(expected.title, found.title),
    requiredSkills: many(expected.requiredSkills.map(skillForm), found.requiredSkills.map(skillForm)),
    niceToHaveSkills: many(expected.niceToHaveSkills.map(skillForm), found.niceToHaveSkills.map(skillForm)),
  };
}

const jobs = loadJobSources();
const splitOf = goldenSplit(loadResumeSources(), jobs);
const readings = loadReadings();
const readers = [...readings.keys()].sort();
const pairs: Array<[string, (id: string) => [Reading, Reading]]> = [];
const golden = new Map(jobs.map((job) => [job.id, job]));
const readingOf = (reader: string, id: string) => {
  const reading = readings.get(reader)?.get(id);
  if (!reading) throw new Error(`eval/readings/${reader} has no reading of ${id}`);
  return reading;
};
for (const reader of readers)
  pairs.push([`${reader} ~ golden`, (id) => [golden.get(id) as Reading, readingOf(reader, id)]]);
for (const [i, first] of readers.entries()) {
  for (const second of readers.slice(i + 1)) {
    pairs.push([`${first} ~ ${second}`, (id) => [readingOf(first, id), readingOf(second, id)]]);
  }
}
const analyses = new Map(
  jobs.map((job) => {
    const { title, requiredSkills, niceToHaveSkills } = analyzeJob(job.text);
    return [job.id, { title: title ?? "", requiredSkills, niceToHaveSkills }];
  }),
);
pairs.push(["analyzer ~ golden", (id) => [golden.get(id) as Reading, analyses.get(id) as Reading]]);

const SPLITS: Split[] = ["tuning", "held-out"];
const percent = (counts: Counts) => (f1(counts).f1 * 100).toFixed(1);
console.log(`agreement on the golden job posts · F1 % (tuning / held-out) · ${jobs.length} posts`);
console.log(`${"".padEnd(22)}${FIELDS.map((field) => field.padStart(20)).join("")}`);
for (const [name, pair] of pairs) {
  const counts = Object.fromEntries(
    SPLITS.map((split) => [split, Object.fromEntries(FIELDS.map((field) => [field, none()]))]),
  ) as Record<Split, Record<Field, Counts>>;
  for (const job of jobs) {
    const scored = agreement(...pair(job.id));
    for (const field of FIELDS) add(counts[splitOf(job.id)][field], scored[field]);
  }
  const cells = FIELDS.map((field) =>
    `${percent(counts.tuning[field])} / ${percent(counts["held-out"][field])}`.padStart(20),
  );
  console.log(`${name.padEnd(22)}${cells.join("")}`);
}
