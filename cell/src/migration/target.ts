import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Sql } from "postgres";
import type { Database, Transaction } from "../db/client.ts";
import {
  processedEvents,
  tenantFreezes,
  usageCounters,
  workflowSteps,
  workflows,
} from "../db/schema/index.ts";
import { enqueueStep, type StepQueue } from "../workflows/queue.ts";
import type { TableSnapshot } from "./source.ts";
import { insertRowsFromJson } from "./tables.ts";

/**
 * Markers in the target's processed_events (keyed by migration id) make the two target steps that
 * are not naturally idempotent (enqueueing jobs, adding counters) happen exactly once, committed
 * in the same transaction as the work.
 */
const RESUME_MARKER = "tenant-migration:resume";
const USAGE_MARKER = "tenant-migration:usage";

/** Inserts the snapshot in one transaction; rows already copied by an earlier run are kept. */
export async function writeTenantSnapshot(target: Sql, snapshot: readonly TableSnapshot[]): Promise<void> {
  await target.begin(async (tx) => {
    for (const { table, json } of snapshot) await tx.unsafe(insertRowsFromJson(table), [json]);
  });
}

async function claimMarker(tx: Transaction, consumer: string, id: string): Promise<boolean> {
  const claimed = await tx
    .insert(processedEvents)
    .values({ consumer, eventId: id })
    .onConflictDoNothing()
    .returning({ eventId: processedEvents.eventId });
  return claimed.length > 0;
}

/**
 * Makes the target the tenant's home: removes a tombstone left by an earlier move away from this
 * cell, and re-queues each unfinished workflow's current step (a step that was running on the
 * source starts again here; the source's attempt can no longer commit). Exactly once per migration.
 * Returns how many workflows were resumed.
 */
export async function resumeTenantOnTarget(
  target: Database,
  queue: StepQueue,
  tenantId: string,
  migrationId: string,
): Promise<number> {
  return target.transaction(async (tx) => {
    if (!(await claimMarker(tx, RESUME_MARKER, migrationId))) return 0;
    await tx.delete(tenantFreezes).where(eq(tenantFreezes.tenantId, tenantId));
    const open = await tx
      .select({ id: workflows.id, traceContext: workflows.traceContext })
      .from(workflows)
      .where(and(eq(workflows.tenantId, tenantId), inArray(workflows.status, ["queued", "running"])));
    for (const workflow of open) {
      const steps = await tx
        .select({ name: workflowSteps.name, status: workflowSteps.status })
        .from(workflowSteps)
        .where(eq(workflowSteps.workflowId, workflow.id))
        .orderBy(asc(workflowSteps.position));
      const current = steps.find((step) => step.status === "pending" || step.status === "running");
      if (!current) continue;
      await tx
        .update(workflowSteps)
        .set({ status: "pending" })
        .where(and(eq(workflowSteps.workflowId, workflow.id), eq(workflowSteps.name, current.name)));
      await enqueueStep(queue, tx, {
        workflowId: workflow.id,
        step: current.name,
        traceContext: workflow.traceContext,
      });
    }
    return open.length;
  });
}

/** Adds the source's final usage counts to the target's, exactly once per migration. */
export async function addUsageCounters(
  target: Database,
  tenantId: string,
  migrationId: string,
  counters: readonly { event_type: string; count: number }[],
): Promise<void> {
  await target.transaction(async (tx) => {
    if (!(await claimMarker(tx, USAGE_MARKER, migrationId))) return;
    for (const counter of counters) {
      await tx
        .insert(usageCounters)
        .values({ tenantId, eventType: counter.event_type, count: counter.count })
        .onConflictDoUpdate({
          target: [usageCounters.tenantId, usageCounters.eventType],
          set: { count: sql`${usageCounters.count} + ${counter.count}`, updatedAt: new Date() },
        });
    }
  });
}
