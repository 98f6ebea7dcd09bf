/**
 * npm run eval — reads every document of the golden set with the resume domain and prints, per kind
 * of document and layout, each field's precision, recall and F1, tuning and held-out side by side.
 * `npm run eval -- --write-baseline` records the figures as the baseline the gate holds them to;
 * it refuses to lower any (baselines only move up, in the commit that earns them).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { taxonomyVersion } from "../src/taxonomy.ts";
import { evaluate, figures, type Table } from "./evaluate.ts";
import type { ScoreTable } from "./matching.ts";
import { f1 } from "./metrics.ts";

export const BASELINE_FILE = join(import.meta.dirname, "baseline.json");

const percent = (value: number) => `${(value * 100).toFixed(1)}`.padStart(6);

function printScores(table: ScoreTable) {
  console.log(
    `\n${table.kind} · resumes read from ${table.layout} · jobs: ${table.documents.tuning} tuning, ${table.documents["held-out"]} held out`,
  );
  console.log(`${"figure".padEnd(22)}${"tuning (cases)".padStart(24)}   ${"held-out (cases)".padStart(24)}`);
  for (const [score, splits] of Object.entries(table.scores)) {
    const text = (["tuning", "held-out"] as const).map((split) => {
      const { sum, n } = splits[split];
      return n === 0 ? "–" : `${percent(sum / n)} (${n})`;
    });
    console.log(`${score.padEnd(22)}${text[0]?.padStart(24)}   ${text[1]?.padStart(24)}`);
  }
}

function print(table: Table) {
  console.log(
    `\n${table.kind} · ${table.layout} · documents: ${table.documents.tuning} tuning, ${table.documents["held-out"]} held out`,
  );
  console.log(
    `${"field".padEnd(22)}${"tuning P     R    F1".padStart(24)}   ${"held-out P     R    F1".padStart(24)}`,
  );
  for (const [field, splits] of Object.entries(table.fields)) {
    const cells = (["tuning", "held-out"] as const).map((split) => {
      const counts = splits[split];
      if (counts.tp + counts.fp + counts.fn === 0) return "–".padStart(18);
      const { precision, recall, f1: score } = f1(counts);
      return `${percent(precision)}${percent(recall)}${percent(score)}`;
    });
    console.log(`${field.padEnd(22)}${cells[0]?.padStart(24)}   ${cells[1]?.padStart(24)}`);
  }
}

const tables = await evaluate();
console.log(`skills taxonomy: ${taxonomyVersion}`);
for (const table of tables) {
  if (table.kind === "matching") printScores(table);
  else print(table);
}
const current = figures(tables);

if (process.argv.includes("--write-baseline")) {
  const old = JSON.parse(readFileSync(BASELINE_FILE, "utf8")) as Record<string, number>;
  const lower = Object.entries(old).filter(([key, value]) => (current[key] ?? 0) < value);
  if (lower.length > 0) {
    console.error(
      `\nnot written: these figures would go down:\n${lower.map(([key, value]) => `  ${key}: ${value} → ${current[key] ?? "gone"}`).join("\n")}`,
    );
    process.exit(1);
  }
  writeFileSync(BASELINE_FILE, `${JSON.stringify(current, null, 2)}\n`);
  console.log(`\nbaseline written: ${Object.keys(current).length} figures`);
}
