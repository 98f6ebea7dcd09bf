import { readFile } from "node:fs/promises";
import { z } from "zod";
import type { HttpClient } from "../http.ts";
import { toRfc3339 } from "../normalize.ts";
import { arrayAt, normalizeBody } from "./common.ts";
import { type BoardAdapter, BoardFailure } from "./types.ts";

/**
 * One posting of a Hireloop feed: `{"version": 1, "postings": [...]}`, a JSON file or URL an
 * operator provides (the local platform uses the bundled sample feed). Descriptions are plain text
 * or HTML.
 */
const feedPosting = z.object({
  id: z.string().min(1),
  title: z.string(),
  company: z.string(),
  location: z.string().default(""),
  remote: z.boolean().default(false),
  url: z.string(),
  description: z.string(),
  postedAt: z.string().default(""),
  tags: z.array(z.string()).default([]),
});

export type FeedSource = { kind: "file"; path: string } | { kind: "url"; url: string };

export interface FeedOptions {
  source: FeedSource;
  http: HttpClient;
}

export function createFeedBoard(options: FeedOptions): BoardAdapter {
  const { source } = options;
  const where = source.kind === "file" ? source.path : source.url;
  return {
    name: "feed",
    description: `JSON feed of postings (${source.kind === "file" ? "file" : "URL"}: ${where})`,
    async search({ signal }) {
      const body =
        source.kind === "url"
          ? (await options.http.getJson(source.url, signal)).body
          : await readFeedFile(source.path, signal);
      const { postings, skipped } = normalizeBody(
        "feed",
        where,
        body,
        arrayAt("postings"),
        feedPosting,
        (posting) => ({
          boardPostingId: posting.id,
          title: posting.title,
          company: posting.company,
          location: posting.location,
          remote: posting.remote,
          url: posting.url,
          description: posting.description,
          postedAt: toRfc3339(posting.postedAt),
          tags: posting.tags,
        }),
      );
      return { postings, detail: skipped > 0 ? `${skipped} invalid postings skipped` : "" };
    },
  };
}

async function readFeedFile(path: string, signal: AbortSignal): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, { encoding: "utf8", signal });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new BoardFailure("not_found", `feed file ${path} does not exist`);
    throw new BoardFailure("unavailable", `feed file ${path} could not be read (${code ?? String(error)})`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BoardFailure("malformed", `feed file ${path} is not JSON`);
  }
}
