/**
 * npm run eval:dev — the development posts (eval/development/jobs/<id>.txt, labels in <id>.json):
 * job descriptions in English, German, Spanish and French, written in the styles of many boards to
 * tune the job analysis on, and labelled by readers who never ran the analyzer. They are not the
 * golden set: rules are tuned on them, their figures are not gated, and their labels follow their
 * writers' habits (a title without its team, a degree's subject as a requirement), so they read
 * lower than the golden set's. Prints F1 per language and form (ADR 0029).
 */
import { analyzeJob } from "../src/index.ts";
import { loadDevelopmentPosts } from "./development/load.ts";
import { add, type Counts, f1, many, none, single } from "./metrics.ts";
import { skillForm } from "./score.ts";

const FIELDS = ["title", "requiredSkills", "niceToHaveSkills", "years"] as const;
type Field = (typeof FIELDS)[number];
const groups = new Map<string, { documents: number; fields: Record<Field, Counts> }>();

for (const { labels, text } of loadDevelopmentPosts()) {
  const analysis = analyzeJob(text);
  const scored: Partial<Record<Field, Counts>> = {
    requiredSkills: many(labels.req.map(skillForm), analysis.requiredSkills.map(skillForm)),
    niceToHaveSkills: many(labels.nice.map(skillForm), analysis.niceToHaveSkills.map(skillForm)),
  };
  if (labels.title !== undefined) scored.title = single(labels.title, analysis.title);
  if (labels.years !== undefined) {
    const found = analysis.yearsOfExperience === null ? undefined : String(analysis.yearsOfExperience);
    scored.years = single(labels.years === null ? "" : String(labels.years), found);
  }
  for (const key of [`${labels.language} · ${labels.form}`, "all"]) {
    const group = groups.get(key) ?? {
      documents: 0,
      fields: Object.fromEntries(FIELDS.map((field) => [field, none()])) as Record<Field, Counts>,
    };
    group.documents++;
    for (const field of FIELDS) {
      const counts = scored[field];
      if (counts) add(group.fields[field], counts);
    }
    groups.set(key, group);
  }
}

const percent = (value: number) => (value * 100).toFixed(1).padStart(7);
console.log(
  `job descriptions for development · F1 %\n${"posts".padEnd(16)}${"docs".padStart(5)}${FIELDS.map((field) => field.padStart(18)).join("")}`,
);
for (const [key, group] of [...groups].sort(([a], [b]) =>
  a === "all" ? 1 : b === "all" ? -1 : a.localeCompare(b),
)) {
  const cells = FIELDS.map((field) => percent(f1(group.fields[field]).f1).padStart(18));
  console.log(`${key.padEnd(16)}${String(group.documents).padStart(5)}${cells.join("")}`);
}
