import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type JobSource,
  jobSourceSchema,
  type ResumeSource,
  resumeSourceSchema,
  skillFormsSchema,
} from "./schema.ts";

export const SOURCES_DIR = join(import.meta.dirname, "sources");
/** The layouts printed by other tools: documents/<layout>/<id>.<ext>, its labels in <id>.json beside. */
export const DOCUMENTS_DIR = join(import.meta.dirname, "documents");

function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".json"))
    .sort();
}

/** Every resume source, validated; a file that does not fit the schema throws with its name. */
export function loadResumeSources(): ResumeSource[] {
  const dir = join(SOURCES_DIR, "resumes");
  return jsonFiles(dir).map((file) => parseSource(resumeSourceSchema, join(dir, file)));
}

/** Every job description: its labels, validated, and its text. */
export function loadJobSources(): Array<JobSource & { text: string }> {
  const dir = join(SOURCES_DIR, "jobs");
  return jsonFiles(dir).map((file) => ({
    ...parseSource(jobSourceSchema, join(dir, file)),
    text: readFileSync(join(dir, file.replace(/\.json$/, ".txt")), "utf8"),
  }));
}

/** Groups of names a reader takes as one skill, the shown name first (golden/skill-forms.json). */
export function skillForms(): string[][] {
  return parseSource(skillFormsSchema, join(import.meta.dirname, "skill-forms.json")).forms;
}

function parseSource<T>(schema: { parse(value: unknown): T }, path: string): T {
  try {
    return schema.parse(JSON.parse(readFileSync(path, "utf8")));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
