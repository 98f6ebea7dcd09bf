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
