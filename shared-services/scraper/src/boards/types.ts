import type { Posting } from "@hireloop/proto/scraper";

/** How one board's part of a search went; the proto's BoardResult.status carries it. */
export type BoardStatus = "ok" | "rate_limited" | "unavailable" | "malformed" | "not_found";

/** Why a board's fetch failed: a board status other than "ok", with a message for BoardResult.detail. */
export class BoardFailure extends Error {
  override readonly name = "BoardFailure";

  constructor(
    readonly status: Exclude<BoardStatus, "ok">,
    message: string,
  ) {
    super(message);
  }
}

export interface BoardSearch {
  /** Free text; boards with a server-side search get it, the others return everything for ranking. */
  query: string;
  location: string;
  /** Aborted at the board's time budget or when the caller goes away. */
  signal: AbortSignal;
}

export interface BoardOutcome {
  postings: Posting[];
  /** What a reader of BoardResult.detail should know even on success (skipped items, failed sources). */
  detail: string;
}

/** One job board: fetch → validate → normalize to Posting. Throws BoardFailure only. */
export interface BoardAdapter {
  name: string;
  description: string;
  search(search: BoardSearch): Promise<BoardOutcome>;
}
