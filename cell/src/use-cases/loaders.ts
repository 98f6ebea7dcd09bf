import { and, desc, eq } from "drizzle-orm";
import { jobs, resumes } from "../db/schema/index.ts";
import { notFound } from "../errors.ts";
import type { TenantScope } from "../wiring/deps.ts";

/** The tenant's resume, if it exists: another tenant's id reads as one that does not. */
export async function findResume(scope: TenantScope, id: string) {
  const [row] = await scope.deps.db
    .select()
    .from(resumes)
    .where(and(eq(resumes.id, id), eq(resumes.tenantId, scope.tenantId)));
  return row;
}

/** The tenant's resume, or 404. */
export async function loadResume(scope: TenantScope, id: string) {
  const row = await findResume(scope, id);
  if (!row) throw notFound("resume");
  return row;
}

/** The tenant's newest resume, if they have one. */
export async function loadLatestResume(scope: TenantScope) {
  const [row] = await scope.deps.db
    .select()
    .from(resumes)
    .where(eq(resumes.tenantId, scope.tenantId))
    .orderBy(desc(resumes.createdAt))
    .limit(1);
  return row;
}

/** The tenant's job, or 404. */
export async function loadJob(scope: TenantScope, id: string) {
  const [row] = await scope.deps.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.id, id), eq(jobs.tenantId, scope.tenantId)));
  if (!row) throw notFound("job");
  return row;
}
