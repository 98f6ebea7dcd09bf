import { z } from "zod";
import type { HttpClient } from "../http.ts";
import { toRfc3339 } from "../normalize.ts";
import { arrayAt, boardUrl, normalizeBody, searchSources } from "./common.ts";
import type { BoardAdapter } from "./types.ts";

/** One job of `GET /v1/boards/{board}/jobs?content=true` (Greenhouse Job Board API). */
const greenhouseJob = z.object({
  id: z.number(),
  title: z.string(),
  absolute_url: z.string(),
  updated_at: z.string().nullish(),
  first_published: z.string().nullish(),
  location: z.object({ name: z.string().nullish() }).nullish(),
  // HTML with its tags entity-escaped.
  content: z.string().nullish(),
  company_name: z.string().nullish(),
  departments: z.array(z.object({ name: z.string() })).nullish(),
  offices: z.array(z.object({ name: z.string() })).nullish(),
});

export interface GreenhouseOptions {
  http: HttpClient;
  /** https://boards-api.greenhouse.io in production. */
  baseUrl: string;
  /** Board tokens, e.g. ["stripe", "airbnb"]. */
  boards: readonly string[];
}

/** Greenhouse has no server-side search: every job of each board is fetched and ranked here. */
export function createGreenhouseBoard(options: GreenhouseOptions): BoardAdapter {
  return {
    name: "greenhouse",
    description: `Greenhouse job boards: ${options.boards.join(", ")}`,
    search: ({ signal }) =>
      searchSources(options.boards, async (token) => {
        const url = boardUrl(options.baseUrl, `/v1/boards/${encodeURIComponent(token)}/jobs`, {
          content: "true",
        });
        const { body } = await options.http.getJson(url, signal);
        return normalizeBody("greenhouse", token, body, arrayAt("jobs"), greenhouseJob, (job) => {
          const location = job.location?.name ?? "";
          return {
            boardPostingId: String(job.id),
            title: job.title,
            company: job.company_name ?? token,
            location,
            remote: false,
            url: job.absolute_url,
            description: job.content ?? "",
            postedAt: toRfc3339(job.first_published ?? job.updated_at),
            tags: [...(job.departments ?? []), ...(job.offices ?? [])]
              .map((unit) => unit.name)
              .filter((name) => name !== location),
          };
        });
      }),
  };
}
