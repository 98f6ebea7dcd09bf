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
  const request = {
    query: search.query,
    location: search.location ?? "",
    boards: search.boards ?? [],
    limit: search.limit ?? 0,
  };
  return call(scraper, (settings) => scraper.client.searchPostings(request, settings), signal);
}

/** Asking for the board list must not hold a request for long; without an answer the workflow checks. */
const LIST_BOARDS_TIMEOUT_MS = 1_000;
const BOARDS_FRESH_MS = 60_000;

export interface BoardCatalog {
  /** The names of the boards the region's scraper searches, or undefined while it cannot say. */
  names(): Promise<string[] | undefined>;
}

/**
 * The region's boards, asked of the scraper at most once a minute, so a discovery naming a board
 * that does not exist is refused when it is requested rather than failing in the background.
 * While the scraper cannot answer, the last list is used, or none (the search step refuses then).
 */
export function createBoardCatalog(channels: Channels): BoardCatalog {
  let known: { names: string[]; at: number } | undefined;
  return {
    async names() {
      if (known && Date.now() - known.at < BOARDS_FRESH_MS) return known.names;
      const { scraper } = channels;
      try {
        const { boards } = await call(
          scraper,
          (settings) => scraper.client.listBoards(settings),
          AbortSignal.timeout(LIST_BOARDS_TIMEOUT_MS),
        );
        known = { names: boards.map((board) => board.name), at: Date.now() };
      } catch {
        // Keep what was known: board lists change with deployments, not by the minute.
      }
      return known?.names;
    },
  };
}
