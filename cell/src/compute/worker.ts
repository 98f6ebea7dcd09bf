import { isMainThread, workerData } from "node:worker_threads";
import workerpool from "workerpool";
import { computeTasks } from "./tasks.ts";

/** Marks the threads the compute pool starts, so importing this file elsewhere does nothing. */
export const COMPUTE_WORKER = "hireloop-cell-compute";

if (!isMainThread && workerData === COMPUTE_WORKER) workerpool.worker(computeTasks);
