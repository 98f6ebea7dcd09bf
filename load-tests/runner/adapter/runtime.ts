/**
 * What the k6 modules of this adapter share with the VU worker that runs a scenario: the VU's
 * identity and tags, where samples go, and a synchronous HTTP call (k6's HTTP API blocks the VU's
 * script; here a worker thread does the I/O while the VU's thread waits). The VU worker installs it
 * on globalThis before the scenario bundle is loaded; the bundled modules find it there.
 */

export type MetricType = "counter" | "rate" | "trend" | "gauge";

export interface Sample {
  metric: string;
  type: MetricType;
  value: number;
  tags: Record<string, string>;
}

/** A request as it crosses to the HTTP worker thread (structured-clone safe). */
export interface WireRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | ArrayBuffer | WireForm | null;
  timeoutMs: number;
  binary: boolean;
}

export type WireForm = {
  form: Record<string, string | { data: string | ArrayBuffer; filename: string; contentType: string }>;
};

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string | ArrayBuffer | null;
  durationMs: number;
  /** Why no HTTP answer came (status 0), as k6 would say it. */
  error: string;
}

export interface K6Runtime {
  env: Record<string, string>;
  /** Directory the k6 bundle runs from: open() resolves relative paths against it, as k6 does. */
  scriptDir: string;
  vu: number;
  scenario: string;
  iterationInTest: number;
  iterationInScenario: number;
  /** exec.vu.tags: set by scripts, carried by every sample of this VU from then on. */
  vuTags: Record<string, string>;
  /** The current group path, "::outer::inner" ("" outside any group). */
  groupPath: string;
  send(request: WireRequest): WireResponse;
  record(sample: Sample): void;
  expectedStatus: (status: number) => boolean;
}

const KEY = Symbol.for("hireloop.load-tests.k6-runtime");

export function installRuntime(runtime: K6Runtime): void {
  (globalThis as Record<symbol, unknown>)[KEY] = runtime;
}

export function runtime(): K6Runtime {
  const installed = (globalThis as Record<symbol, unknown>)[KEY];
  if (!installed) throw new Error("the k6 adapter runs only inside a load-tests VU worker");
  return installed as K6Runtime;
}

/** Tags every sample carries: the scenario, the group, and the VU's own tags. */
export function currentTags(extra: Record<string, string> = {}): Record<string, string> {
  const { scenario, groupPath, vuTags } = runtime();
  return { scenario, group: groupPath, ...vuTags, ...extra };
}

export function record(metric: string, type: MetricType, value: number, tags: Record<string, string>): void {
  runtime().record({ metric, type, value, tags });
}

/** Properties that runtimes and bundlers probe on any object (is it a promise? an ES module?). */
const PROBED = new Set(["then", "toJSON", "__esModule"]);

/**
 * A module's default export that refuses, by name, what the adapter does not provide, so a script
 * calling a k6 function the adapter lacks fails loudly instead of reading `undefined`.
 */
export function strictModule<T extends object>(name: string, members: T): T {
  return new Proxy(members, {
    get(target, property, receiver) {
      if (typeof property === "string" && !(property in target) && !PROBED.has(property)) {
        throw new TypeError(`${name}.${property} is not provided by the load-tests k6 adapter`);
      }
      return Reflect.get(target, property, receiver);
    },
  });
}
