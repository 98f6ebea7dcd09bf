import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ADR_DIR = join(import.meta.dirname, "..", "..", "docs", "adr");

describe("the decision records", () => {
  it("are each listed in docs/adr/README.md, with a status line, and an old record points to what replaced it", async () => {
    const records = (await readdir(ADR_DIR)).filter((name) => /^\d{4}-.+\.md$/.test(name)).sort();
    const index = await readFile(join(ADR_DIR, "README.md"), "utf8");
    const listed = [...index.matchAll(/^\| \[\d{4}\]\(([^)]+)\)/gm)].map((match) => match[1]);
    expect(listed).toEqual(records);
    for (const record of records) {
      const text = await readFile(join(ADR_DIR, record), "utf8");
      expect([record, /^(Status:|## Status)/m.test(text)]).toEqual([record, true]);
      for (const [, replaced] of text.matchAll(/^Status: .*(?:supersedes|extends) \[(\d{4})\]/gm)) {
        const old = records.find((name) => name.startsWith(`${replaced}-`)) ?? "";
        const oldText = await readFile(join(ADR_DIR, old), "utf8");
        expect([old, oldText]).toEqual([old, expect.stringContaining(record)]);
      }
    }
  });
});
