import { Worker } from "node:worker_threads";
import type { Sample } from "./adapter/runtime.ts";
import type { AdapterBundle } from "./bundle.ts";
import { distDir } from "./bundle.ts";
import type { VuCommand, VuReply, VuStart } from "./vu/vu-worker.ts";

/** What one iteration (or setup) of a script did: its samples, and the error that ended it early. */
export interface IterationOutcome {
  samples: Sample[];
  result?: unknown;
  error?: string;
}

/**
 * One k6 virtual user: the scenario's bundle in its own worker thread (its own JS realm, like a
 * k6 VU), running one iteration at a time.
 */
export class VirtualUser {
  private constructor(
    private readonly worker: Worker,
    readonly options: unknown,
    readonly hasSetup: boolean,
  ) {}

  static async start(
    bundle: AdapterBundle,
    scenario: string,
    vu: number,
    env: Record<string, string>,
  ): Promise<VirtualUser> {
    const script = bundle.scenarios[scenario];
    if (!script)
      throw new Error(`no scenario "${scenario}" (have: ${Object.keys(bundle.scenarios).join(", ")})`);
    const start: VuStart = {
      bundle: script,
      httpWorker: bundle.httpWorker,
      scriptDir: distDir,
      scenario,
      vu,
      env,
    };
    const worker = new Worker(bundle.vuWorker, { workerData: start });
    const ready = await nextReply(worker);
    if (ready.kind !== "ready") throw new Error(`VU ${vu} answered before it was ready`);
    return new VirtualUser(worker, ready.options, ready.hasSetup);
  }

  /** Runs the script's setup() (k6 runs it once, before any iteration). */
  setup(): Promise<IterationOutcome> {
    return this.command({ kind: "setup" });
  }

  /** Runs the script's default function once with setup's data. */
  iterate(iterationInTest: number, data: unknown): Promise<IterationOutcome> {
    return this.command({ kind: "iterate", iterationInTest, data });
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private async command(command: VuCommand): Promise<IterationOutcome> {
    const reply = nextReply(this.worker);
    this.worker.postMessage(command);
    const answer = await reply;
    if (answer.kind !== "done") throw new Error("the VU answered out of turn");
    return answer;
  }
}

/** The worker's next message; a worker that dies instead rejects with its error. */
function nextReply(worker: Worker): Promise<VuReply> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const onMessage = (reply: VuReply) => {
      cleanup();
      resolve(reply);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`the VU worker exited (${code})`));
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
  });
}
