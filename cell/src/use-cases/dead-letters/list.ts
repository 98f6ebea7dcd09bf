import { desc, isNull } from "drizzle-orm";
import { deadLetters } from "../../db/schema/index.ts";
import type { CellDeps } from "../../wiring/deps.ts";

export interface DeadLetterView {
  id: string;
  workflowId: string;
  tenantId: string;
  step: string;
  errorCode: string;
  errorMessage: string;
  attempts: number;
  createdAt: string;
}

/** The cell's open dead letters, newest first (an operator's view: every tenant). */
export async function listDeadLetters(deps: Pick<CellDeps, "db">, limit = 100): Promise<DeadLetterView[]> {
  const rows = await deps.db
    .select()
    .from(deadLetters)
    .where(isNull(deadLetters.replayedAt))
    .orderBy(desc(deadLetters.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
