import { eq } from "drizzle-orm";
import { tenants } from "../../db/schema/index.ts";
import type { TenantContext } from "../../wiring/deps.ts";

export interface TenantView {
  userId: string;
  cell: string;
  region: string;
  /** When the caller's first write made them a tenant of this cell; null if they have none here. */
  registeredAt: string | null;
}

/** The caller as this cell knows them: the router asks a full cell whether a user already lives there. */
export async function describeTenant(ctx: TenantContext): Promise<TenantView> {
  const { db, config } = ctx.deps;
  const [row] = await db
    .select({ createdAt: tenants.createdAt })
    .from(tenants)
    .where(eq(tenants.tenantId, ctx.tenantId));
  return {
    userId: ctx.tenantId,
    cell: config.cellId,
    region: config.region,
    registeredAt: row ? row.createdAt.toISOString() : null,
  };
}
