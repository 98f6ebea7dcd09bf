import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { loadDevelopmentPosts } from "../eval/development/load.ts";

describe("the development posts", () => {
  const posts = loadDevelopmentPosts();

  it("are many, in each language the analysis reads, in bullets and in prose", () => {
    expect(posts.length).toBeGreaterThanOrEqual(60);
    for (const language of ["en", "de", "es", "fr"]) {
      for (const form of ["bullets", "prose"]) {
        expect(posts.some(({ labels }) => labels.language === language && labels.form === form)).toBe(true);
      }
    }
  });

  it("label only what their text says, and no skill as both required and preferred", () => {
    for (const { id, labels, text } of posts) {
      const lower = text.toLowerCase();
      for (const label of [labels.title ?? "", ...labels.req, ...labels.nice]) {
        expect(lower.includes(label.toLowerCase()), `${id}: ${label}`).toBe(true);
      }
      expect(
        labels.req.filter((skill) => labels.nice.includes(skill)),
        id,
      ).toEqual([]);
    }
  });

  it("are read by npm run eval:dev, which prints a row per language and form and one for all", async () => {
    const script = join(import.meta.dirname, "..", "eval", "development.ts");
    const { stdout: printed } = await promisify(execFile)(process.execPath, ["--import", "tsx", script], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(printed).toMatch(/^de · prose\s+\d+/m);
    expect(printed).toMatch(new RegExp(`^all\\s+${posts.length}\\s`, "m"));
  });
});
