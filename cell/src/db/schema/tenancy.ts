import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Tenants whose writes are refused on this cell while a live migration moves them away. The
 * migrator inserts the row under the tenant's exclusive advisory lock; every tenant write takes the
 * shared lock and checks for the row (see tenancy/write-guard.ts).
 */
export const tenantFreezes = pgTable("tenant_freezes", {
  tenantId: text("tenant_id").primaryKey(),
  migrationId: uuid("migration_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The tenants whose data lives on this cell, registered by their first write (see
 * tenancy/write-guard.ts). The count is the cell's load against its capacity in the control plane:
 * a full cell gets no new tenants.
 */
export const tenants = pgTable("tenants", {
  tenantId: text("tenant_id").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  /** When its `tenant.registered` event was recorded; null until then (see tenancy/announce.ts). */
  announcedAt: timestamp("announced_at", { withTimezone: true }),
});
