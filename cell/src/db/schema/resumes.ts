import type { MatchProfile, ParsedResume } from "@hireloop/resume-core";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const resumes = pgTable(
  "resumes",
  {
    id: uuid("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    filename: text("filename"),
    kind: text("kind", { enum: ["pdf", "docx", "text"] }).notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    parsed: jsonb("parsed").$type<ParsedResume>().notNull(),
    /** What matching reads of `parsed` (resume-core's match profile); null for older rows. */
    matchProfile: jsonb("match_profile").$type<MatchProfile>(),
    /** 1 as parsed; each correction (PATCH) adds one. */
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("resumes_tenant_created_idx").on(t.tenantId, t.createdAt)],
);
