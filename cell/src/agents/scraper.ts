import type { BoardResult, Posting } from "@hireloop/proto/scraper";
import { type Channels, call } from "./channels.ts";

export type { BoardResult, Posting };

export interface PostingSearch {
  query: string;
  location?: string | undefined;
  boards?: string[] | undefined;
  limit?: number | undefined;
}

/** Postings from the region's scraper, deduplicated, best match to the query first. */
export async function searchPostings(
  channels: Channels,
  search: PostingSearch,
  signal?: AbortSignal,
): Promise<{ postings: Posting[]; boards: BoardResult[] }> {
  const { scraper } = channels;
  return call(
    scraper,
    scraper.client.searchPostings.bind(scraper.client),
    {
      query: search.query,
      location: search.location ?? "",
      boards: search.boards ?? [],
      limit: search.limit ?? 0,
    },
    signal,
  );
}
