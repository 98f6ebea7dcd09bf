import type { JobAnalysis } from "@hireloop/resume-core";
import type { JobPosting, jobs } from "../../db/schema/index.ts";

export interface JobView {
  id: string;
  title: string;
  analysis: JobAnalysis;
  source: "manual" | "discovery";
  posting: JobPosting | null;
  matchScore: number | null;
  matchedResumeId: string | null;
  matchStale: boolean;
  createdAt: string;
}

export function toJobView(row: typeof jobs.$inferSelect): JobView {
  return {
    id: row.id,
    title: row.title,
    analysis: row.analysis,
    source: row.source,
    posting: row.posting ?? null,
    matchScore: row.matchScore,
    matchedResumeId: row.matchedResumeId,
    matchStale: row.matchStale,
    createdAt: row.createdAt.toISOString(),
  };
}
