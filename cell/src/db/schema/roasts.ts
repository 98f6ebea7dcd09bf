import type { Usage } from "@hireloop/proto/ai";
import type { BulletRef } from "@hireloop/resume-core";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { ROAST_STYLES } from "../../vocabulary.ts";

export interface RoastPoint {
  section: string;
  remark: string;
  fix: string;
  /** The bullets it is about; absent in roasts stored before points named them. */
  bullets?: BulletRef[];
}

/** A resume roast: candid feedback in the style the user chose, by rules or a model. */
export const roasts = pgTable(
  "roasts",
  {
    id: uuid("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    workflowId: uuid("workflow_id").notNull(),
    resumeId: uuid("resume_id").notNull(),
    style: text("style", { enum: ROAST_STYLES }).notNull(),
    headline: text("headline").notNull(),
    points: jsonb("points").$type<RoastPoint[]>().notNull(),
    score: integer("score").notNull(),
    /** Who wrote it: "rules" or the model's provider, with tokens and cost. */
    usage: jsonb("usage").$type<Usage>(),
    /** The resume was corrected after this roast read it. */
    stale: boolean("stale").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("roasts_tenant_created_idx").on(t.tenantId, t.createdAt)],
);
