import { pathToFileURL } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { createSyncFn } from "synckit";
import { scriptGlobals } from "../adapter/globals.ts";
import {
  installRuntime,
  type K6Runtime,
  type Sample,
  type WireRequest,
  type WireResponse,
} from "../adapter/runtime.ts";

/** What the runner tells a VU worker when it starts it. */
export interface VuStart {
  bundle: string;
  httpWorker: string;
  scriptDir: string;
  scenario: string;
  vu: number;
  env: Record<string, string>;
}

/** Messages from the runner, and the VU's answers. */
export type VuCommand = { kind: "setup" } | { kind: "iterate"; iterationInTest: number; data: unknown };
export type VuReply =
  | { kind: "ready"; options: unknown; hasSetup: boolean }
  | { kind: "done"; samples: Sample[]; result?: unknown; error?: string };

const start = workerData as VuStart;
const port = parentPort;
if (!port) throw new Error("vu-worker runs only as a worker thread");

const send = createSyncFn<(request: WireRequest) => Promise<WireResponse>>(start.httpWorker);
let samples: Sample[] = [];
const runtime: K6Runtime = {
  env: start.env,
  scriptDir: start.scriptDir,
  vu: start.vu,
  scenario: start.scenario,
  iterationInTest: 0,
  iterationInScenario: 0,
  vuTags: {},
  groupPath: "",
  send,
  record: (sample) => samples.push(sample),
  // k6's default: 2xx and 3xx are expected.
  expectedStatus: (status) => status >= 200 && status < 400,
};
installRuntime(runtime);

const globals = globalThis as unknown as Record<string, unknown>;
Object.assign(globals, scriptGlobals(start.env, start.vu, start.scriptDir));

const script = (await import(pathToFileURL(start.bundle).href)) as {
  options?: unknown;
  setup?: () => unknown;
  default: (data: unknown) => unknown;
};

function run(fn: () => unknown): VuReply {
  samples = [];
  try {
    const result = fn();
    return { kind: "done", samples, result };
  } catch (error) {
    return {
      kind: "done",
      samples,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

port.on("message", (command: VuCommand) => {
  if (command.kind === "setup") {
    port.postMessage(run(() => script.setup?.()));
    return;
  }
  runtime.iterationInTest = command.iterationInTest;
  globals.__ITER = runtime.iterationInScenario;
  port.postMessage(run(() => script.default(command.data)));
  runtime.iterationInScenario += 1;
});
port.postMessage({
  kind: "ready",
  options: JSON.parse(JSON.stringify(script.options ?? {})),
  hasSetup: typeof script.setup === "function",
} satisfies VuReply);
