import { sql } from "drizzle-orm";
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/** Transactional outbox: events are written with the state change they describe, relayed to Kafka later. */
export const outbox = pgTable(
  "outbox",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    eventId: uuid("event_id").notNull().unique(),
    topic: text("topic").notNull(),
    key: text("key").notNull(),
    envelope: jsonb("envelope").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [index("outbox_unpublished_idx").on(t.seq).where(sql`${t.publishedAt} is null`)],
);

/** Ids of work done exactly once (a tenant migration's steps on its target), each under its consumer's name. */
export const processedEvents = pgTable(
  "processed_events",
  {
    consumer: text("consumer").notNull(),
    eventId: uuid("event_id").notNull(),
    processedAt: timestamp("processed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.consumer, t.eventId] })],
);

/** Per-cell usage counters, by tenant and event type, counted by the outbox relay as it publishes (ADR 0047). */
export const usageCounters = pgTable(
  "usage_counters",
  {
    tenantId: text("tenant_id").notNull(),
    eventType: text("event_type").notNull(),
    count: integer("count").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.eventType] })],
);
