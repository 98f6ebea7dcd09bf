import { and, desc, eq, sql } from "drizzle-orm";
import { resumes } from "../../db/schema/index.ts";
import { CellError } from "../../errors.ts";
import type { TenantContext } from "../../wiring/deps.ts";
import type { ResumeFields } from "./view.ts";

export interface ResumeList {
  resumes: Array<ResumeFields & { name: string }>;
  nextCursor: string | null;
}

/**
 * The user's resumes, newest first, a page at a time. The cursor is the last row's creation time
 * and id, so a page never repeats or skips a resume when others are added or removed meanwhile.
 */
export async function listResumes({
  ctx,
  page,
}: {
  ctx: TenantContext;
  page: { limit: number; cursor?: string | undefined };
}): Promise<ResumeList> {
  const after = page.cursor === undefined ? undefined : readCursor(page.cursor);
  const rows = await ctx.deps.db
    .select({
      id: resumes.id,
      kind: resumes.kind,
      filename: resumes.filename,
      sizeBytes: resumes.sizeBytes,
      version: resumes.version,
      createdAt: resumes.createdAt,
      updatedAt: resumes.updatedAt,
      name: sql<string>`coalesce(${resumes.parsed}->'contact'->>'name', '')`,
    })
    .from(resumes)
    .where(
      and(
        eq(resumes.tenantId, ctx.tenantId),
        after && sql`(${resumes.createdAt}, ${resumes.id}) < (${after.createdAt}, ${after.id})`,
      ),
    )
    .orderBy(desc(resumes.createdAt), desc(resumes.id))
    .limit(page.limit + 1);
  const shown = rows.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    resumes: shown.map((row) => ({
      ...row,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
    nextCursor: rows.length > page.limit && last ? writeCursor(last) : null,
  };
}

function writeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f-]{36})$/;

function readCursor(cursor: string): { createdAt: string; id: string } {
  const match = CURSOR.exec(Buffer.from(cursor, "base64url").toString("utf8"));
  if (!match?.[1] || !match[2]) throw new CellError("invalid_cursor", "The cursor is not one this list gave");
  return { createdAt: match[1], id: match[2] };
}
