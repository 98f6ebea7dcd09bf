import type { ParsedResume } from "@hireloop/resume-core";
import type { resumes } from "../../db/schema/index.ts";

export interface ResumeFields {
  id: string;
  kind: "pdf" | "docx" | "text";
  filename: string | null;
  sizeBytes: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A resume as its owner reads it: the parsed sections, without the text they were read from. */
export interface ResumeView extends ResumeFields {
  sections: Omit<ParsedResume, "text">;
}

export function toResumeView(row: typeof resumes.$inferSelect): ResumeView {
  const { text: _text, ...sections } = row.parsed;
  return {
    id: row.id,
    kind: row.kind,
    filename: row.filename,
    sizeBytes: row.sizeBytes,
    version: row.version,
    sections,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
