import { asc, inArray, isNull } from "drizzle-orm";
import { tenants } from "../db/schema/index.ts";
import type { CellDeps } from "../wiring/deps.ts";

const BATCH_SIZE = 200;

/**
 * Records `tenant.registered` for this cell's tenants that never had one: those registered before
 * the event existed. Other regions' user directories learn of them through MirrorMaker 2 like of
 * any newcomer. Each tenant is announced once (the mark is set in the event's transaction), and
 * several workers may run it at once (rows are claimed with SKIP LOCKED). Returns how many.
 */
export async function announceTenants(deps: CellDeps): Promise<number> {
  let announced = 0;
  for (;;) {
    const batch = await deps.db.transaction(async (tx) => {
      const pending = await tx
        .select({ tenantId: tenants.tenantId })
        .from(tenants)
        .where(isNull(tenants.announcedAt))
        .orderBy(asc(tenants.createdAt))
        .limit(BATCH_SIZE)
        .for("update", { skipLocked: true });
      for (const { tenantId } of pending) await deps.events.record(tx, tenantId, "tenant.registered", {});
      if (pending.length > 0) {
        await tx
          .update(tenants)
          .set({ announcedAt: new Date() })
          .where(
            inArray(
              tenants.tenantId,
              pending.map((row) => row.tenantId),
            ),
          );
      }
      return pending.length;
    });
    announced += batch;
    if (batch < BATCH_SIZE) return announced;
  }
}
