import { type CallSettings, callUnary, createGrpcClient } from "@hireloop/grpc";
import { retryPolicyOf } from "@hireloop/proto/retry-policy";
import {
  type ListBoardsResponse,
  ScraperServiceClient,
  type SearchPostingsRequest,
  type SearchPostingsResponse,
} from "@hireloop/proto/scraper";

export interface ScraperClient {
  /** Missing fields take the proto defaults: empty location = anywhere, no boards = the defaults, limit 0 = 50. */
  searchPostings(
    request: Partial<SearchPostingsRequest>,
    settings: CallSettings,
  ): Promise<SearchPostingsResponse>;
  listBoards(settings: CallSettings): Promise<ListBoardsResponse>;
  close(): void;
}

/**
 * A cell's channel to its region's scraper. Both methods have no side effects, so the channel
 * retries them on UNAVAILABLE; failures reject with the ServiceError (read it with failureOf).
 */
export function createScraperClient(address: string): ScraperClient {
  const client = createGrpcClient(ScraperServiceClient, address, {
    ...retryPolicyOf("hireloop.scraper.v1.ScraperService"),
  });
  return {
    searchPostings: (request, settings) =>
      callUnary(
        client.searchPostings.bind(client),
        { query: "", location: "", boards: [], limit: 0, ...request },
        settings,
      ),
    listBoards: (settings) => callUnary(client.listBoards.bind(client), {}, settings),
    close: () => client.close(),
  };
}
