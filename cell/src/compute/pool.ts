import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import workerpool from "workerpool";
import { type ComputeSettings, type ComputeTasks, createComputeTasks } from "./tasks.ts";
import { COMPUTE_WORKER, type ComputeWorkerData } from "./worker.ts";

export interface ComputePoolOptions {
  /** Worker threads; each runs one task at a time. */
  threads: number;
  /** Longest one task may run once a thread has taken it; past it the thread is stopped and replaced. */
  timeoutMs: number;
  /** Tasks allowed to wait for a thread. */
  maxQueue: number;
  /** Heap limit of each thread, in MB. */
  memoryMb: number;
  /** What the threads need of the cell's configuration (the shared services' addresses). */
  settings: ComputeSettings;
  /** Tasks one tenant may have in the pool at once: the rest of the pool stays for the others. */
  perTenant: number;
}

export interface RunOptions {
  /** Whose work this is, for the per-tenant limit. */
  tenant: string;
  /** This task's own time limit, instead of the pool's. */
  timeoutMs?: number;
  /** Buffers handed to the thread rather than copied; the caller must not touch them after. */
  transfer?: ArrayBuffer[];
}

/** Every thread is busy and the queue is full: the cell is overloaded, not the request wrong. */
export class ComputeBusyError extends Error {
  override readonly name = "ComputeBusyError";
}

/** The tenant already has as many tasks in the pool as one tenant may. */
export class TenantBusyError extends Error {
  override readonly name = "TenantBusyError";
}

/** A task ran out of its time (or memory): the input is too costly to process, and the thread was replaced. */
export class ComputeTooCostlyError extends Error {
  override readonly name = "ComputeTooCostlyError";
}

export interface ComputePool {
  run<K extends keyof ComputeTasks>(
    task: K,
    args: Parameters<ComputeTasks[K]>,
    options: RunOptions,
  ): Promise<Awaited<ReturnType<ComputeTasks[K]>>>;
  /** Threads alive, busy and tasks waiting, for metrics. */
  stats(): { workers: number; busy: number; queued: number };
  close(): Promise<void>;
}

/**
 * What each thread runs first. Node 20's worker threads do not take `--import tsx` from execArgv,
 * so a thread running TypeScript sources registers tsx itself before importing the worker module;
 * compiled JavaScript is imported as it is.
 */
function bootstrap(): string {
  const worker = new URL("./worker.ts", import.meta.url).href;
  if (!worker.endsWith(".ts")) return `import(${JSON.stringify(worker)});`;
  const tsx = pathToFileURL(tsxEsmApi()).href;
  return `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(worker)}); });`;
}

/** tsx's ESM API module, located through the package's own exports map (vitest lacks import.meta.resolve). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const { exports } = JSON.parse(readFileSync(manifest, "utf8")) as {
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = exports["./esm/api"]?.import.default;
  if (entry === undefined) throw new Error("tsx publishes no ./esm/api module");
  return join(dirname(manifest), entry);
}

/**
 * Tasks that, given little text, cost less than the hop to a thread and back (copying the
 * arguments and the result, waking the thread, its own collections): with string arguments of at
 * most INLINE_MAX_CHARS characters in all they run on the calling thread. Their cost is linear in
 * their input (ADR 0036), so this bounds how long they hold the event loop: about 0.2 ms for a
 * match at the limit (ADR 0045).
 */
const INLINE_TASKS: ReadonlySet<keyof ComputeTasks> = new Set(["matchResume"]);
const INLINE_MAX_CHARS = 16_384;

/**
 * Worker threads for the CPU-bound part of requests (parsing pasted text, analyzing a job,
 * scoring a match): the event loop only waits for their answers, so a heavy request of one tenant
 * delays no other tenant's reads, and a task that runs past its budget is stopped, not waited for.
 */
export function createComputePool(options: ComputePoolOptions): ComputePool {
  const pool = workerpool.pool(bootstrap(), {
    workerType: "thread",
    minWorkers: options.threads,
    maxWorkers: options.threads,
    maxQueueSize: options.maxQueue,
    workerTerminateTimeout: 500,
    workerThreadOpts: {
      eval: true,
      workerData: { marker: COMPUTE_WORKER, settings: options.settings } satisfies ComputeWorkerData,
      resourceLimits: { maxOldGenerationSizeMb: options.memoryMb },
    },
  });
  // Each thread loads the resume domain before its first task; do it now, not on a user's request.
  for (let i = 0; i < options.threads; i++) {
    pool.exec("analyzeJob", ["warm-up", undefined]).catch(() => {});
  }
  const perTenant = new Map<string, number>();
  const here = createComputeTasks(options.settings);
  return {
    async run(task, args, { tenant, timeoutMs = options.timeoutMs, transfer }) {
      if (INLINE_TASKS.has(task) && charsOf(args) <= INLINE_MAX_CHARS) {
        return (here[task] as (...inputs: typeof args) => ReturnType<ComputeTasks[typeof task]>)(...args);
      }
      const mine = perTenant.get(tenant) ?? 0;
      if (mine >= options.perTenant) {
        throw new TenantBusyError(
          `you have ${mine} requests in progress on this cell; retry when one is done`,
        );
      }
      perTenant.set(tenant, mine + 1);
      try {
        return await runTask(task, args, timeoutMs, transfer);
      } finally {
        const left = (perTenant.get(tenant) ?? 1) - 1;
        if (left === 0) perTenant.delete(tenant);
        else perTenant.set(tenant, left);
      }
    },
    stats() {
      const { totalWorkers, busyWorkers, pendingTasks } = pool.stats();
      return { workers: totalWorkers, busy: busyWorkers, queued: pendingTasks };
    },
    async close() {
      await pool.terminate(true, 2_000);
    },
  };

  async function runTask(task: string, args: unknown[], timeoutMs: number, transfer?: ArrayBuffer[]) {
    let running: ReturnType<typeof pool.exec>;
    try {
      running = pool.exec(task, args, transfer ? { transfer } : undefined).timeout(timeoutMs);
    } catch (error) {
      if (error instanceof Error && /queue/i.test(error.message)) {
        throw new ComputeBusyError("every compute thread of this cell is busy and its queue is full");
      }
      throw error;
    }
    try {
      return await running;
    } catch (error) {
      if (error instanceof workerpool.Promise.TimeoutError) {
        throw new ComputeTooCostlyError(`the work took longer than ${timeoutMs} ms`);
      }
      if (error instanceof Error && error.message.startsWith("Workerpool Worker terminated Unexpectedly")) {
        throw new ComputeTooCostlyError(`the work exhausted its memory (${options.memoryMb} MB)`);
      }
      throw error;
    }
  }
}

function charsOf(args: unknown[]): number {
  let chars = 0;
  for (const arg of args) if (typeof arg === "string") chars += arg.length;
  return chars;
}
