import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createFeedBoard } from "../src/boards/feed.ts";
import { BoardFailure } from "../src/boards/types.ts";
import { BUNDLED_FEED_PATH } from "../src/config.ts";
import { dedupePostings } from "../src/dedupe.ts";
import { signal, testHttpClient } from "./support/http.ts";

const { http } = testHttpClient();
const searchFile = (path: string) =>
  createFeedBoard({ http, source: { kind: "file", path } }).search({
    query: "",
    location: "",
    signal: signal(),
  });

describe("the bundled sample feed", () => {
  it("has at least 60 distinct, valid postings across professions, and deliberate duplicates", async () => {
    const outcome = await searchFile(BUNDLED_FEED_PATH);
    expect(outcome.detail).toBe("");
    const { postings, dropped } = dedupePostings(outcome.postings);
    expect(postings.length).toBeGreaterThanOrEqual(60);
    expect(dropped.url).toBeGreaterThanOrEqual(2);
    expect(dropped.content).toBeGreaterThanOrEqual(1);
    const titles = postings.map((posting) => posting.title.toLowerCase());
    const count = (pattern: RegExp) => titles.filter((title) => pattern.test(title)).length;
    expect(count(/back-?end/)).toBeGreaterThanOrEqual(8);
    for (const profession of [
      /front-?end/,
      /data engineer/,
      /nurse/,
      /account/,
      /teacher/,
      /sales|account executive/,
      /designer/,
      /chef|cook/,
      /logistics|warehouse|driver/,
    ]) {
      expect(count(profession), String(profession)).toBeGreaterThanOrEqual(1);
    }
    expect(postings.some((posting) => posting.remote)).toBe(true);
    for (const posting of postings) {
      expect(posting.description.length, posting.title).toBeGreaterThan(250);
      expect(posting.postedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
  });

  it("a missing feed file is not_found, a broken one malformed", async () => {
    const directory = await mkdtemp(join(tmpdir(), "hl-scraper-feed-"));
    const missing = await searchFile(join(directory, "none.json")).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(BoardFailure);
    expect(missing).toMatchObject({ status: "not_found" });
    await writeFile(join(directory, "broken.json"), '{"version":1,"postings":[');
    expect(await searchFile(join(directory, "broken.json")).catch((error: unknown) => error)).toMatchObject({
      status: "malformed",
    });
  });
});
