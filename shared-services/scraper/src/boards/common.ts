import type { Posting } from "@hireloop/proto/scraper";
import type { z } from "zod";
import { type RawPosting, toPosting } from "../normalize.ts";
import { BoardFailure, type BoardOutcome } from "./types.ts";

/** One source's postings (one Greenhouse board, one Lever company…) and how many items were unusable. */
export interface SourceResult {
  postings: Posting[];
  skipped: number;
}

/**
 * Validates a board's list envelope strictly and each item on its own: one odd item is skipped and
 * counted, while a body that is not the board's shape at all, or whose items are all unusable, is
 * "malformed".
 */
export function normalizeBody<Item>(
  board: string,
  source: string,
  body: unknown,
  extractItems: (body: unknown) => unknown[] | undefined,
  itemSchema: z.ZodType<Item>,
  toRaw: (item: Item) => RawPosting,
): SourceResult {
  const items = extractItems(body);
  if (!items) throw new BoardFailure("malformed", `${source}: the body is not a ${board} job list`);
  const postings: Posting[] = [];
  let skipped = 0;
  let firstIssue = "";
  for (const item of items) {
    const parsed = itemSchema.safeParse(item);
    const posting = parsed.success ? toPosting(board, toRaw(parsed.data)) : undefined;
    if (posting) postings.push(posting);
    else {
      skipped++;
      if (!firstIssue) firstIssue = parsed.success ? "no usable URL or title" : describeIssue(parsed.error);
    }
  }
  if (items.length > 0 && postings.length === 0) {
    throw new BoardFailure(
      "malformed",
      `${source}: none of ${items.length} postings is valid (${firstIssue})`,
    );
  }
  return { postings, skipped };
}

function describeIssue(error: z.ZodError): string {
  const [issue] = error.issues;
  return issue ? `${issue.path.join(".") || "item"}: ${issue.message}` : "invalid";
}

/**
 * Searches several sources of one board (e.g. the configured Greenhouse boards) at once. The board is
 * "ok" when any source answered; otherwise it takes the first source's failure.
 */
export async function searchSources(
  sources: readonly string[],
  searchOne: (source: string) => Promise<SourceResult>,
): Promise<BoardOutcome> {
  const settled = await Promise.allSettled(sources.map(searchOne));
  const postings: Posting[] = [];
  const notes: string[] = [];
  let skipped = 0;
  let firstFailure: BoardFailure | undefined;
  settled.forEach((result, index) => {
    if (result.status === "fulfilled") {
      postings.push(...result.value.postings);
      skipped += result.value.skipped;
      return;
    }
    const failure =
      result.reason instanceof BoardFailure
        ? result.reason
        : new BoardFailure("unavailable", `${sources[index]}: ${String(result.reason)}`);
    firstFailure ??= failure;
    notes.push(`${sources[index]}: ${failure.status} (${failure.message})`);
  });
  if (firstFailure && settled.every((result) => result.status === "rejected")) throw firstFailure;
  if (skipped > 0) notes.unshift(`${skipped} invalid postings skipped`);
  return { postings, detail: notes.join("; ") };
}

/** Joins a configured base URL and a path without doubling or losing slashes. */
export function boardUrl(baseUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(path.replace(/^\//, ""), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

export function arrayAt(key: string): (body: unknown) => unknown[] | undefined {
  return (body) => {
    if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
    const value = (body as Record<string, unknown>)[key];
    return Array.isArray(value) ? value : undefined;
  };
}
