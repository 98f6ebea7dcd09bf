import type { JobAnalysis } from "@hireloop/resume-core";
import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    title: text("title").notNull(),
    text: text("text").notNull(),
    analysis: jsonb("analysis").$type<JobAnalysis>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("jobs_tenant_created_idx").on(t.tenantId, t.createdAt)],
);
