import { sql } from "drizzle-orm";
import type { Database } from "./client.ts";
import { grouped } from "./grouped.ts";
import { jobs, resumes } from "./schema/index.ts";

/** What scoring a match reads, as the database's JSON text; null where the row is not the tenant's. */
export type MatchInputs = {
  resume: string | null;
  profile: string | null;
  job: string | null;
};

export type MatchInputsReader = (wanted: {
  tenant: string;
  resumeId: string;
  jobId: string;
}) => Promise<MatchInputs>;

/** Requests of one statement at most. */
const MAX_GROUP = 64;

/**
 * Reads the resume's parsed document and match profile and the job's analysis, each only if it is
 * the tenant's, as JSON text (the compute thread or the scorer parses it). Concurrent matches share
 * a statement (grouped.ts): one round trip and one statement in Postgres for all of them.
 */
export function createMatchInputsReader(db: Database): MatchInputsReader {
  return grouped(async (group) => {
    const rows = await db.execute<MatchInputs & { n: string }>(sql`
      select wanted.n, ${resumes.parsed}::text as resume, ${resumes.matchProfile}::text as profile,
        ${jobs.analysis}::text as job
      from unnest(${sql.param(group.map((w) => w.tenant))}::text[],
        ${sql.param(group.map((w) => w.resumeId))}::uuid[], ${sql.param(group.map((w) => w.jobId))}::uuid[])
        with ordinality as wanted(tenant, resume_id, job_id, n)
      left join ${resumes} on ${resumes.id} = wanted.resume_id and ${resumes.tenantId} = wanted.tenant
      left join ${jobs} on ${jobs.id} = wanted.job_id and ${jobs.tenantId} = wanted.tenant`);
    const byPosition = new Map(rows.map((row) => [Number(row.n), row]));
    return group.map((_, index) => {
      const row = byPosition.get(index + 1);
      return { resume: row?.resume ?? null, profile: row?.profile ?? null, job: row?.job ?? null };
    });
  }, MAX_GROUP);
}
