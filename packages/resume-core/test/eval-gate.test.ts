import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { evaluate, figures } from "../eval/evaluate.ts";

/**
 * The quality gate (docs/adr/0020-golden-set-and-evaluation-gate.md): every figure of the golden
 * set's evaluation at or above its committed baseline. A change that lowers one fails here, with
 * the figures it lowered; a change that raises one records it with `npm run eval -- --write-baseline`.
 */
describe("evaluation gate", () => {
  it("keeps every figure of the golden set at or above its baseline", async () => {
    const baseline = JSON.parse(
      readFileSync(join(import.meta.dirname, "..", "eval", "baseline.json"), "utf8"),
    ) as Record<string, number>;
    const current = figures(await evaluate());
    const dropped = Object.entries(baseline)
      .filter(([key, value]) => (current[key] ?? 0) < value)
      .map(([key, value]) => `${key}: ${value} → ${current[key] ?? "gone"}`);
    expect(dropped).toEqual([]);
    expect(Object.keys(baseline).length).toBeGreaterThan(0);
  }, 120_000);
});

describe("npm run eval", () => {
  it("prints a table for each kind of document and layout, tuning and held-out side by side", async () => {
    // Not execFileSync: a worker blocked for a minute misses its test runner's calls.
    const { stdout: output } = await promisify(execFile)("npm", ["run", "--silent", "eval"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    for (const table of await evaluate()) {
      const heading =
        table.kind === "matching"
          ? `matching · resumes read from ${table.layout} · jobs:`
          : `${table.kind} · ${table.layout} · documents:`;
      expect(output).toContain(heading);
    }
    expect(output).toMatch(/field\s+tuning P\s+R\s+F1\s+held-out P\s+R\s+F1/);
    expect(output).toMatch(/precisionAt3\s+[\d.]+ \(\d+\)/);
    expect(output).toMatch(/trueSuggestions\s+[\d.]+ \(\d+\)/);
  }, 180_000);
});
