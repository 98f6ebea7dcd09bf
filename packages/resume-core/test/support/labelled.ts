import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Seniority } from "../../src/types.ts";

export const LABELLED_DIR = join(import.meta.dirname, "..", "fixtures", "labelled");

export interface ResumeLabel {
  id: string;
  file: string;
  profession: string;
  name: string;
  email: string;
  phone: string;
  skills: string[];
  experience: Array<{ title: string; company: string; startDate: string; endDate: string }>;
  education: string[];
}

export interface JobLabel {
  id: string;
  file: string;
  title: string;
  seniority: Seniority;
  requiredSkills: string[];
  niceToHaveSkills: string[];
  yearsOfExperience: number | null;
  goodFitFor: string[];
  partialFitFor: string[];
}

export interface LabelledSet {
  version: number;
  resumes: ResumeLabel[];
  jobs: JobLabel[];
}

export function loadLabels(): LabelledSet {
  return JSON.parse(readFileSync(join(LABELLED_DIR, "labels.json"), "utf8")) as LabelledSet;
}

export function readLabelledFile(file: string): string {
  return readFileSync(join(LABELLED_DIR, file), "utf8");
}
