import type { JobAnalysis } from "@hireloop/resume-core";
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** Where a discovered job was posted: the scraper's normalized posting, without its description. */
export interface JobPosting {
  board: string;
  url: string;
  company: string;
  location: string;
  remote: boolean;
  postedAt: string | null;
  tags: string[];
  contentHash: string;
}

export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    analysis: jsonb("analysis").$type<JobAnalysis>().notNull(),
    /** "manual" (posted by the user) or "discovery" (found by a discovery workflow). */
    source: text("source", { enum: ["manual", "discovery"] })
      .notNull()
      .default("manual"),
    /** The scraper's posting id: a job found twice is one row. */
    postingId: text("posting_id"),
    posting: jsonb("posting").$type<JobPosting>(),
    discoveryId: uuid("discovery_id"),
    /** ATS match score (0–100) against `matchedResumeId`, when a discovery scored it. */
    matchScore: integer("match_score"),
    matchedResumeId: uuid("matched_resume_id"),
    /** The matched resume was corrected after the score was taken. */
    matchStale: boolean("match_stale").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("jobs_tenant_created_idx").on(t.tenantId, t.createdAt),
    uniqueIndex("jobs_tenant_posting_idx").on(t.tenantId, t.postingId).where(sql`${t.postingId} is not null`),
  ],
);

/** One run of job discovery: what was asked, and what each board answered. */
export const discoveries = pgTable(
  "discoveries",
  {
    id: uuid("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    workflowId: uuid("workflow_id").notNull(),
    query: text("query").notNull(),
    location: text("location"),
    boards: jsonb("boards")
      .$type<{ board: string; status: string; postings: number; detail: string }[]>()
      .notNull(),
    resumeId: uuid("resume_id"),
    found: integer("found").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("discoveries_tenant_created_idx").on(t.tenantId, t.createdAt)],
);
