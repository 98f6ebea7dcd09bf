import { sql } from "drizzle-orm";
import type { Transaction } from "../../db/client.ts";
import { jobs } from "../../db/schema/index.ts";

/**
 * The one way a job row is written, pasted by its user or found on a board. A posting found again
 * (same tenant and posting id) keeps its row and takes the new analysis and match.
 */
export async function insertJob(
  tx: Transaction,
  job: typeof jobs.$inferInsert,
): Promise<typeof jobs.$inferSelect> {
  const [row] = await tx
    .insert(jobs)
    .values(job)
    .onConflictDoUpdate({
      target: [jobs.tenantId, jobs.postingId],
      targetWhere: sql`${jobs.postingId} is not null`,
      set: {
        analysis: job.analysis,
        matchScore: job.matchScore,
        matchedResumeId: job.matchedResumeId,
        matchStale: job.matchStale,
        discoveryId: job.discoveryId,
      },
    })
    .returning();
  if (!row) throw new Error("job insert returned no row");
  return row;
}
