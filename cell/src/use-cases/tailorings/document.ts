import { and, eq } from "drizzle-orm";
import { tailorings } from "../../db/schema/index.ts";
import { notFound } from "../../errors.ts";
import type { TenantContext } from "../../wiring/deps.ts";

/** The tailored document's bytes, type and file name. */
export async function getTailoringDocument({ ctx, id }: { ctx: TenantContext; id: string }) {
  const [row] = await ctx.deps.db
    .select({
      document: tailorings.document,
      contentType: tailorings.contentType,
      filename: tailorings.filename,
    })
    .from(tailorings)
    .where(and(eq(tailorings.id, id), eq(tailorings.tenantId, ctx.tenantId)));
  if (!row) throw notFound("tailoring");
  return row;
}
