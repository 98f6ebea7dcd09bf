import type { Logger } from "@hireloop/observability";
import type { AdmissionLimits } from "../config.ts";
import { CellError } from "../errors.ts";
import type { CellMetrics } from "../metrics.ts";
import type { Tiered } from "../vocabulary.ts";
import { STEP_QUEUE, type StepQueue } from "./queue.ts";

/**
 * Backpressure at the door: a new workflow is refused (503 overloaded, Retry-After) while the
 * cell's step queue is deeper than it drains, instead of queueing without bound. Reads and
 * workflows already accepted are never refused. The depth is read in the background, at most once
 * per refresh, so admission costs a request nothing.
 */
export interface Admission {
  /** Throws CellError("overloaded") when a `tier` caller's new workflow must wait. */
  admit(tier: Tiered): Promise<void>;
  close(): void;
}

export function createAdmission(
  queue: Pick<StepQueue, "getQueueSize">,
  limits: AdmissionLimits,
  observe: { metrics: CellMetrics; logger: Logger },
): Admission {
  let depth = 0;
  let watching: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const read = async () => {
    try {
      depth = await queue.getQueueSize(STEP_QUEUE);
      observe.metrics.queueDepth.set(depth);
    } catch (error) {
      // Keep the last depth: a database that cannot answer refuses the workflow's own writes anyway.
      observe.logger.warn({ err: error }, "could not read the step queue's depth");
    }
  };
  // Only a process that starts workflows (the API) reads the depth, from its first workflow on.
  const watch = () => {
    watching ??= read().then(() => {
      timer = setInterval(read, limits.refreshMs);
      timer.unref();
    });
    return watching;
  };
  return {
    async admit(tier) {
      await watch();
      const limit = tier === "premium" ? limits.queueDepth : Math.floor(limits.queueDepth * limits.freeShare);
      if (depth < limit) return;
      observe.metrics.shed.inc({ reason: "queue_depth", tier });
      throw new CellError(
        "overloaded",
        "this cell has more work queued than it can take on now; new workflows are refused for a moment (reads still work)",
        { queueDepth: depth },
        limits.retryAfterSeconds,
      );
    },
    close() {
      clearInterval(timer);
    },
  };
}
