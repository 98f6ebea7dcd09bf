import { describe, expect, it } from "vitest";
import { type HealthState, recordCheck } from "../src/health-state.ts";

describe("recordCheck", () => {
  it("counts an upstream down after the failures in a row, and up again after one success", () => {
    const state: HealthState = { up: true, failures: 0, checking: false };
    expect(recordCheck(state, "refused", 2)).toBeUndefined();
    expect(recordCheck(state, undefined, 2)).toBeUndefined();
    expect(state.failures).toBe(0);
    expect([recordCheck(state, "refused", 2), recordCheck(state, "timeout", 2)]).toEqual([undefined, "down"]);
    expect(recordCheck(state, "refused", 2)).toBeUndefined();
    expect(state).toMatchObject({ up: false, failures: 3 });
    expect([recordCheck(state, undefined, 2), recordCheck(state, undefined, 2)]).toEqual(["up", undefined]);
    expect(state).toMatchObject({ up: true, failures: 0 });
  });
});
