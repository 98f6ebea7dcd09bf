import { createRequire } from "node:module";
import workerpool from "workerpool";
import { type ParseOutcome, type ParseTask, WORKER_STARTED } from "./parse-task.ts";

export interface ParsePoolOptions {
  workers: number;
  /** Longest one file may run in a worker, counted from when the worker starts on it. */
  timeoutMs: number;
  /** Heap limit of each worker process; a file that needs more kills its worker, which is replaced. */
  memoryMb: number;
  /** Files allowed to wait for a worker. */
  maxQueue: number;
}

export type ParseRequest = ParseTask;

/** Every worker is busy and the queue is full: the service is overloaded, not the file wrong. */
export class ParsePoolBusyError extends Error {
  override readonly name = "ParsePoolBusyError";
}

export interface ParsePool {
  /**
   * Parses one upload in a worker process. A file that runs past the time limit, exhausts the
   * worker's memory or crashes it yields `resume_too_complex`; its worker is killed and replaced.
   * When `signal` aborts (the caller gave up) the parse is stopped the same way and the signal's
   * reason is thrown.
   */
  parse(request: ParseRequest, signal: AbortSignal): Promise<ParseOutcome>;
  /** Worker processes alive and files waiting, for metrics. */
  stats(): { workers: number; busy: number; queued: number };
  close(): Promise<void>;
}

/** How long close() lets the workers finish before killing them. */
const CLOSE_TIMEOUT_MS = 2_000;

const WORKER_SCRIPT = new URL("./parse-worker.ts", import.meta.url).pathname;
const TSX_LOADER = createRequire(import.meta.url).resolve("tsx");

/**
 * Workers are processes, not threads: a thread's heap limit does not protect its process (a large
 * enough allocation in a worker thread aborts the whole process with a fatal OOM, which we saw with
 * a 60 MB DOCX under a 128 MB thread limit), while a crashed child process only fails its own file.
 */
export function createParsePool(options: ParsePoolOptions): ParsePool {
  const pool = workerpool.pool(WORKER_SCRIPT, {
    workerType: "process",
    minWorkers: options.workers,
    maxWorkers: options.workers,
    maxQueueSize: options.maxQueue,
    workerTerminateTimeout: 500,
    forkOpts: {
      execArgv: ["--import", TSX_LOADER, `--max-old-space-size=${options.memoryMb}`, "--stack-size=4000"],
      // Structured clone over IPC: file bytes travel as bytes, not as a JSON array of numbers.
      serialization: "advanced",
      env: { ...process.env, HL_PARSE_WORKER: "1" },
      // A session of its own, so its lower priority counts on Linux (see yieldToServing).
      detached: true,
    },
  });

  return {
    async parse(request, signal) {
      signal.throwIfAborted();
      let timer: NodeJS.Timeout | undefined;
      let overTime = false;
      let running: ReturnType<typeof pool.exec>;
      try {
        running = pool.exec("parse", [request], {
          // The clock starts when the worker takes the file, not when it was forked (a replacement
          // worker spends about a second loading its modules first) nor while the file waits.
          on: (event: unknown) => {
            if (event !== WORKER_STARTED) return;
            timer = setTimeout(() => {
              overTime = true;
              stop();
            }, options.timeoutMs);
          },
        });
      } catch (error) {
        if (error instanceof Error && /queue/i.test(error.message)) {
          throw new ParsePoolBusyError("Every parse worker is busy and the queue is full");
        }
        throw error;
      }
      const stop = () => {
        // Kills the worker. workerpool also rethrows the CancellationError synchronously from
        // here; the await below receives it as well, so this copy carries nothing new.
        try {
          running.cancel();
        } catch {}
      };
      signal.addEventListener("abort", stop, { once: true });
      try {
        return (await running) as ParseOutcome;
      } catch (error) {
        if (overTime) return tooComplex(`The file took more than ${options.timeoutMs} ms to read`);
        if (signal.aborted) throw signal.reason;
        if (error instanceof Error && error.message.startsWith("Workerpool Worker terminated Unexpectedly")) {
          return tooComplex(`The file exhausted the reader's memory (${options.memoryMb} MB) or crashed it`);
        }
        throw error;
      } finally {
        clearTimeout(timer);
        signal.removeEventListener("abort", stop);
      }
    },
    stats() {
      const { totalWorkers, busyWorkers, pendingTasks } = pool.stats();
      return { workers: totalWorkers, busy: busyWorkers, queued: pendingTasks };
    },
    async close() {
      // terminate() can wait forever for a worker whose crash it already handled (seen under heavy
      // load after an out-of-memory test): bound it, then kill whatever child is still alive.
      await pool.terminate(true, CLOSE_TIMEOUT_MS).catch(() => {
        const handlers = (pool as unknown as { workers: { worker?: { kill(signal: string): void } }[] })
          .workers;
        for (const handler of handlers) handler.worker?.kill("SIGKILL");
      });
    },
  };
}

function tooComplex(message: string): ParseOutcome {
  return { ok: false, code: "resume_too_complex", message };
}
