import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setImmediate } from "node:timers/promises";
import { parseResumeFile } from "../src/documents.ts";
import { analyzeJob, parseResumeText } from "../src/index.ts";
import { DOCUMENTS_DIR, loadJobSources, loadResumeSources } from "./golden/load.ts";
import { evaluateMatching, type ScoreTable, type Split } from "./matching.ts";
import { add, type Counts, f1, none } from "./metrics.ts";
import { otherEntries, type ResumeLabels } from "./render/labels.ts";
import { TEXT_LAYOUTS } from "./render/text.ts";
import { JOB_FIELDS, RESUME_FIELDS, scoreJob, scoreResume } from "./score.ts";

export type { Split } from "./matching.ts";

/**
 * A third of the sources is held out: rules are tuned on the rest, and the held-out figures tell
 * whether they generalize. Within each stratum (a resume's profession, a job description's form)
 * the sources are ordered by a hash of their id and the first third held out, so each stratum is
 * split evenly and a new source moves at most one other across the line.
 */
export function heldOut(sources: Array<{ id: string; stratum: string }>): Set<string> {
  const hash = (id: string) => createHash("sha256").update(id).digest("hex");
  const strata = new Map<string, string[]>();
  for (const { id, stratum } of sources) strata.set(stratum, [...(strata.get(stratum) ?? []), id]);
  const out = new Set<string>();
  for (const ids of strata.values()) {
    const ordered = ids.sort((a, b) => hash(a).localeCompare(hash(b)));
    for (const id of ordered.slice(0, Math.round(ordered.length / 3))) out.add(id);
  }
  return out;
}

/** The split of each source of the golden set: resumes stratified by profession, jobs by form. */
export function goldenSplit(
  resumes: Array<{ id: string; profession: string }>,
  jobs: Array<{ id: string; form: string }>,
): (id: string) => Split {
  const held = heldOut([
    ...resumes.map((source) => ({ id: source.id, stratum: `resume/${source.profession}` })),
    ...jobs.map((job) => ({ id: job.id, stratum: `job/${job.form}` })),
  ]);
  return (id) => (held.has(id) ? "held-out" : "tuning");
}

/** One table: a kind of document in one layout, each field's counts per split. */
export interface Table {
  kind: "resume" | "job";
  layout: string;
  documents: Record<Split, number>;
  fields: Record<string, Record<Split, Counts>>;
}

function emptyTable(kind: Table["kind"], layout: string, fields: readonly string[]): Table {
  return {
    kind,
    layout,
    documents: { tuning: 0, "held-out": 0 },
    fields: Object.fromEntries(fields.map((field) => [field, { tuning: none(), "held-out": none() }])),
  };
}

function count(table: Table, split: Split, scored: Record<string, Counts>) {
  table.documents[split]++;
  for (const [field, counts] of Object.entries(scored)) {
    const into = table.fields[field]?.[split];
    if (into) add(into, counts);
  }
}

function printedLayouts(): Array<{
  layout: string;
  files: Array<{ id: string; path: string; labels: ResumeLabels }>;
}> {
  return readdirSync(DOCUMENTS_DIR)
    .sort()
    .map((layout) => {
      const dir = join(DOCUMENTS_DIR, layout);
      const files = readdirSync(dir)
        .filter((file) => !file.endsWith(".json"))
        .sort()
        .map((file) => {
          const id = file.replace(/\.[a-z]+$/, "");
          const labels = JSON.parse(readFileSync(join(dir, `${id}.json`), "utf8")) as Omit<
            ResumeLabels,
            "sections"
          >;
          return { id, path: join(dir, file), labels };
        });
      return { layout, files };
    });
}

/** Reads every document of the golden set with the resume domain and scores it against its labels. */
export async function evaluate(): Promise<Array<Table | ScoreTable>> {
  const tables: Array<Table | ScoreTable> = [];
  const resumes = loadResumeSources();
  const sourceById = new Map(resumes.map((source) => [source.id, source]));
  const jobs = loadJobSources();
  const splitOf = goldenSplit(resumes, jobs);
  for (const layout of TEXT_LAYOUTS) {
    const table = emptyTable("resume", layout.name, RESUME_FIELDS);
    for (const source of resumes) {
      const { text, labels } = layout.render(source);
      count(table, splitOf(source.id), scoreResume(parseResumeText(text), labels, otherEntries(source)));
    }
    tables.push(table);
  }
  for (const { layout, files } of printedLayouts()) {
    const table = emptyTable("resume", layout, RESUME_FIELDS);
    for (const file of files) {
      // Let the event loop turn between documents: a test runner's worker answers its calls meanwhile.
      await setImmediate();
      const { resume } = await parseResumeFile(new Uint8Array(readFileSync(file.path)), {
        filename: file.path,
      });
      const source = sourceById.get(file.id);
      const sections = source === undefined ? [] : otherEntries(source);
      count(table, splitOf(file.id), scoreResume(resume, file.labels, sections));
    }
    tables.push(table);
  }
  const byForm = new Map<string, Table>();
  for (const job of jobs) {
    const table = byForm.get(job.form) ?? emptyTable("job", job.form, JOB_FIELDS);
    byForm.set(job.form, table);
    count(table, splitOf(job.id), scoreJob(analyzeJob(job.text), job));
  }
  tables.push(...[...byForm.values()].sort((a, b) => a.layout.localeCompare(b.layout)));
  for (const layout of TEXT_LAYOUTS) tables.push(evaluateMatching(resumes, jobs, layout, splitOf));
  return tables;
}

/** Every figure as "kind/layout/split/field" → F1, for the baseline. */
export function figures(tables: Array<Table | ScoreTable>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    if (table.kind === "matching") {
      for (const [score, splits] of Object.entries(table.scores)) {
        for (const split of ["tuning", "held-out"] as const) {
          const { sum, n } = splits[split];
          if (n > 0)
            out[`${table.kind}/${table.layout}/${split}/${score}`] = Math.round((sum / n) * 1000) / 1000;
        }
      }
      continue;
    }
    for (const [field, splits] of Object.entries(table.fields)) {
      for (const split of ["tuning", "held-out"] as const) {
        const counts = splits[split];
        if (counts.tp + counts.fp + counts.fn === 0) continue;
        out[`${table.kind}/${table.layout}/${split}/${field}`] = Math.round(f1(counts).f1 * 1000) / 1000;
      }
    }
  }
  return out;
}
