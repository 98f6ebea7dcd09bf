import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadJobSources } from "../eval/golden/load.ts";
import { loadReadings } from "../eval/readings/load.ts";

describe("the second readings of the golden job posts", () => {
  const jobs = loadJobSources();
  const readings = loadReadings();

  it("read every golden post, by two readers or more, and none that is not one", () => {
    expect(readings.size).toBeGreaterThanOrEqual(2);
    for (const [reader, byId] of readings) {
      expect([...byId.keys()].sort(), reader).toEqual(jobs.map((job) => job.id).sort());
    }
  });

  it("label only what the post says, and no skill as both required and preferred", () => {
    for (const [reader, byId] of readings) {
      for (const job of jobs) {
        const reading = byId.get(job.id);
        const lower = job.text.toLowerCase();
        for (const label of [
          reading?.title ?? "",
          ...(reading?.requiredSkills ?? []),
          ...(reading?.niceToHaveSkills ?? []),
        ]) {
          expect(lower.includes(label.toLowerCase()), `${reader}/${job.id}: ${label}`).toBe(true);
        }
        const nice = new Set(reading?.niceToHaveSkills.map((skill) => skill.toLowerCase()));
        expect(
          reading?.requiredSkills.filter((skill) => nice.has(skill.toLowerCase())),
          `${reader}/${job.id}`,
        ).toEqual([]);
      }
    }
  });

  it("are scored by npm run eval:agreement: each reader and the analyzer against the golden labels, and the readers against each other", async () => {
    const script = join(import.meta.dirname, "..", "eval", "agreement.ts");
    const { stdout: printed } = await promisify(execFile)(process.execPath, ["--import", "tsx", script], {
      encoding: "utf8",
      timeout: 60_000,
    });
    const row = (name: string) => new RegExp(`^${name}(?:\\s+\\d+\\.\\d / \\d+\\.\\d){3}$`, "m");
    for (const reader of readings.keys()) expect(printed).toMatch(row(`${reader} ~ golden`));
    expect(printed).toMatch(row("reader-1 ~ reader-2"));
    expect(printed).toMatch(row("analyzer ~ golden"));
  });
});
