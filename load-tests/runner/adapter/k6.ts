import { currentTags, record, runtime, strictModule } from "./runtime.ts";

/** k6's check(): every named condition is one sample of the `checks` rate; true when all hold. */
export function check<T>(
  value: T,
  conditions: Record<string, (value: T) => boolean>,
  tags: Record<string, string> = {},
): boolean {
  let all = true;
  for (const [name, condition] of Object.entries(conditions)) {
    const passed = Boolean(condition(value));
    record("checks", "rate", passed ? 1 : 0, currentTags({ ...tags, check: name }));
    all &&= passed;
  }
  return all;
}

/** k6's group(): runs `fn` inside the named group and records its duration (group_duration). */
export function group<T>(name: string, fn: () => T): T {
  const state = runtime();
  const outer = state.groupPath;
  state.groupPath = `${outer}::${name}`;
  const started = performance.now();
  try {
    return fn();
  } finally {
    record("group_duration", "trend", performance.now() - started, currentTags());
    state.groupPath = outer;
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** k6's sleep(): blocks the VU's script, as k6 does (the VU runs on its own thread). */
export function sleep(seconds: number): void {
  Atomics.wait(sleeper, 0, 0, seconds * 1000);
}

/** k6's fail(): aborts the iteration. */
export function fail(message?: string): never {
  throw new Error(message ?? "fail() called");
}

export default strictModule("k6", { check, group, sleep, fail });
