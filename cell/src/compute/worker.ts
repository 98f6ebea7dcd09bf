import { setPriority } from "node:os";
import { isMainThread, workerData } from "node:worker_threads";
import workerpool from "workerpool";
import { type ComputeSettings, createComputeTasks } from "./tasks.ts";

/** Marks the threads the compute pool starts, so importing this file elsewhere does nothing. */
export const COMPUTE_WORKER = "hireloop-cell-compute";

export interface ComputeWorkerData {
  marker: typeof COMPUTE_WORKER;
  settings: ComputeSettings;
}

/**
 * Lower CPU priority than the thread serving requests. On Linux a priority set from a thread is
 * that thread's own, so when cores are short the event loop answering every tenant runs first and
 * the heavy work of one waits, rather than the other way round.
 */
export const COMPUTE_NICENESS = 10;

const data = workerData as ComputeWorkerData | undefined;
if (!isMainThread && data?.marker === COMPUTE_WORKER) {
  setPriority(COMPUTE_NICENESS);
  workerpool.worker(createComputeTasks(data.settings));
}
