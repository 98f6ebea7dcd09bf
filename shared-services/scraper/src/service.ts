import { ServiceFailure, status } from "@hireloop/grpc";
import type { Logger } from "@hireloop/observability";
import type {
  BoardResult,
  ListBoardsResponse,
  Posting,
  SearchPostingsRequest,
  SearchPostingsResponse,
} from "@hireloop/proto/scraper";
import { type BoardAdapter, BoardFailure } from "./boards/types.ts";
import { dedupePostings } from "./dedupe.ts";
import type { ScraperMetrics } from "./metrics.ts";
import { rankPostings } from "./rank.ts";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
const MAX_QUERY_LENGTH = 500;

export interface ScraperServiceOptions {
  /** In preference order: when two boards list one posting, the earlier board's copy is kept. */
  boards: readonly BoardAdapter[];
  defaultBoards: readonly string[];
  metrics: ScraperMetrics;
  logger: Logger;
  /** The most time one search gives the boards, whatever the caller's deadline. */
  searchTimeoutMs: number;
  /**
   * Time kept back from the caller's deadline to answer with what the other boards found: a board
   * slower than the deadline is reported "unavailable" instead of failing the whole call.
   */
  deadlineMarginMs: number;
}

export interface SearchContext {
  signal: AbortSignal;
  /** Milliseconds left before the caller's deadline (Infinity without one). */
  remainingMs(): number;
}

export interface ScraperService {
  listBoards(): ListBoardsResponse;
  searchPostings(input: SearchPostingsRequest, context: SearchContext): Promise<SearchPostingsResponse>;
}

export function createScraperService(options: ScraperServiceOptions): ScraperService {
  const byName = new Map(options.boards.map((board) => [board.name, board]));
  for (const name of options.defaultBoards) {
    if (!byName.has(name)) throw new Error(`default board "${name}" is not configured`);
  }

  function chooseBoards(requested: readonly string[]): BoardAdapter[] {
    const names = new Set(
      requested.length > 0 ? requested.map((name) => name.trim().toLowerCase()) : options.defaultBoards,
    );
    const unknown = [...names].filter((name) => !byName.has(name));
    if (unknown.length > 0) {
      throw new ServiceFailure(
        "unknown_board",
        status.INVALID_ARGUMENT,
        `unknown board(s): ${unknown.join(", ")}; this deployment has ${[...byName.keys()].join(", ")}`,
      );
    }
    return options.boards.filter((board) => names.has(board.name));
  }

  async function searchBoard(
    board: BoardAdapter,
    input: SearchPostingsRequest,
    signal: AbortSignal,
  ): Promise<{ postings: Posting[]; result: BoardResult }> {
    try {
      const outcome = await board.search({ query: input.query, location: input.location, signal });
      options.metrics.boardSearches.inc({ board: board.name, status: "ok" });
      options.metrics.postingsFound.inc({ board: board.name }, outcome.postings.length);
      return {
        postings: outcome.postings,
        result: {
          board: board.name,
          status: "ok",
          postings: outcome.postings.length,
          detail: outcome.detail,
        },
      };
    } catch (error) {
      const failure =
        error instanceof BoardFailure
          ? error
          : new BoardFailure("unavailable", "the board adapter failed unexpectedly");
      if (!(error instanceof BoardFailure))
        options.logger.error({ err: error, board: board.name }, "board adapter threw");
      options.metrics.boardSearches.inc({ board: board.name, status: failure.status });
      options.logger.warn(
        { board: board.name, status: failure.status, detail: failure.message },
        "board search failed",
      );
      return {
        postings: [],
        result: { board: board.name, status: failure.status, postings: 0, detail: failure.message },
      };
    }
  }

  return {
    listBoards: () => ({
      boards: options.boards.map((board) => ({
        name: board.name,
        description: board.description,
        searchedByDefault: options.defaultBoards.includes(board.name),
      })),
    }),

    async searchPostings(input, context) {
      const limit = input.limit === 0 ? DEFAULT_LIMIT : input.limit;
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
        throw new ServiceFailure(
          "invalid_limit",
          status.INVALID_ARGUMENT,
          `limit must be 1–${MAX_LIMIT} (0 means ${DEFAULT_LIMIT})`,
        );
      }
      if (input.query.length > MAX_QUERY_LENGTH || input.location.length > MAX_QUERY_LENGTH) {
        throw new ServiceFailure(
          "query_too_long",
          status.INVALID_ARGUMENT,
          `query and location are limited to ${MAX_QUERY_LENGTH} characters`,
        );
      }
      const boards = chooseBoards(input.boards);
      const budgetMs = Math.max(
        1,
        Math.min(options.searchTimeoutMs, context.remainingMs() - options.deadlineMarginMs),
      );
      const signal = AbortSignal.any([context.signal, AbortSignal.timeout(budgetMs)]);
      const searched = await Promise.all(boards.map((board) => searchBoard(board, input, signal)));
      const { postings, dropped } = dedupePostings(searched.flatMap((entry) => entry.postings));
      options.metrics.dedupDropped.inc({ reason: "url" }, dropped.url);
      options.metrics.dedupDropped.inc({ reason: "content" }, dropped.content);
      return {
        postings: rankPostings(postings, { query: input.query, location: input.location }).slice(0, limit),
        boards: searched.map((entry) => entry.result),
      };
    },
  };
}
