import type { TailoredResume } from "@hireloop/resume-core";
import { sql } from "drizzle-orm";
import {
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const workflowStatuses = ["queued", "running", "succeeded", "failed", "cancelled"] as const;
export type WorkflowStatus = (typeof workflowStatuses)[number];
export const stepStatuses = ["pending", "running", "succeeded", "failed", "cancelled"] as const;
export type StepStatus = (typeof stepStatuses)[number];

export const workflows = pgTable(
  "workflows",
  {
    id: uuid("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    kind: text("kind").notNull(),
    status: text("status", { enum: workflowStatuses }).notNull().default("queued"),
    progress: integer("progress").notNull().default(0),
    input: jsonb("input").$type<Record<string, unknown>>().notNull(),
    idempotencyKey: text("idempotency_key"),
    resultId: uuid("result_id"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    traceContext: jsonb("trace_context").$type<Record<string, string>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("workflows_tenant_idempotency_key_idx").on(t.tenantId, t.idempotencyKey),
    index("workflows_tenant_created_idx").on(t.tenantId, t.createdAt),
    check("workflows_progress_range", sql`${t.progress} between 0 and 100`),
  ],
);

export const workflowSteps = pgTable(
  "workflow_steps",
  {
    workflowId: uuid("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull(),
    status: text("status", { enum: stepStatuses }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    usedFallback: text("used_fallback"),
    output: jsonb("output").$type<unknown>(),
    errorMessage: text("error_message"),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workflowId, t.name] })],
);

/** Runs that failed after retries and fallback; `hireloop dlq list` shows them, `dlq replay` re-runs them. */
export const deadLetters = pgTable(
  "dead_letters",
  {
    id: uuid("id").primaryKey(),
    workflowId: uuid("workflow_id")
      .notNull()
      .references(() => workflows.id, { onDelete: "cascade" }),
    tenantId: text("tenant_id").notNull(),
    step: text("step").notNull(),
    errorCode: text("error_code").notNull(),
    errorMessage: text("error_message").notNull(),
    attempts: integer("attempts").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    replayedAt: timestamp("replayed_at", { withTimezone: true }),
  },
  (t) => [index("dead_letters_open_idx").on(t.createdAt).where(sql`${t.replayedAt} is null`)],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

export const tailorings = pgTable(
  "tailorings",
  {
    id: uuid("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    workflowId: uuid("workflow_id").notNull(),
    resumeId: uuid("resume_id").notNull(),
    jobId: uuid("job_id").notNull(),
    format: text("format", { enum: ["pdf", "docx"] }).notNull(),
    contentType: text("content_type").notNull(),
    filename: text("filename").notNull(),
    document: bytea("document").notNull(),
    /** Tailorings stored before edits were recorded lack `edits`. */
    tailored: jsonb("tailored").$type<Partial<TailoredResume>>().notNull(),
    scoreBefore: integer("score_before").notNull(),
    scoreAfter: integer("score_after").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("tailorings_workflow_idx").on(t.workflowId)],
);
