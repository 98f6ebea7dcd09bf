import { z } from "zod";
import type { HttpClient } from "../http.ts";
import { toRfc3339 } from "../normalize.ts";
import { boardUrl, normalizeBody, searchSources } from "./common.ts";
import type { BoardAdapter } from "./types.ts";

/** One posting of `GET /v0/postings/{company}?mode=json` (Lever Postings API). */
const leverPosting = z.object({
  id: z.string(),
  text: z.string(),
  hostedUrl: z.string(),
  createdAt: z.number().nullish(),
  categories: z
    .object({
      location: z.string().nullish(),
      team: z.string().nullish(),
      department: z.string().nullish(),
      commitment: z.string().nullish(),
    })
    .nullish(),
  description: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  lists: z.array(z.object({ text: z.string(), content: z.string() })).nullish(),
  additional: z.string().nullish(),
  workplaceType: z.string().nullish(),
});

export interface LeverOptions {
  http: HttpClient;
  /** https://api.lever.co in production (https://api.eu.lever.co for EU-hosted companies). */
  baseUrl: string;
  /** Company slugs, e.g. ["netflix"]. */
  companies: readonly string[];
}

export function createLeverBoard(options: LeverOptions): BoardAdapter {
  return {
    name: "lever",
    description: `Lever postings: ${options.companies.join(", ")}`,
    search: ({ signal }) =>
      searchSources(options.companies, async (company) => {
        const url = boardUrl(options.baseUrl, `/v0/postings/${encodeURIComponent(company)}`, {
          mode: "json",
        });
        const { body } = await options.http.getJson(url, signal);
        // The body is a bare array of postings.
        return normalizeBody(
          "lever",
          company,
          body,
          (value) => (Array.isArray(value) ? value : undefined),
          leverPosting,
          (posting) => {
            // The description, then the requirement lists, then the closing section, as the hosted page shows them.
            const lists = (posting.lists ?? [])
              .map((list) => `<h3>${list.text}</h3><ul>${list.content}</ul>`)
              .join("");
            const categories = posting.categories ?? {};
            return {
              boardPostingId: posting.id,
              title: posting.text,
              company,
              location: categories.location ?? "",
              remote: posting.workplaceType === "remote",
              url: posting.hostedUrl,
              description: `${posting.description ?? posting.descriptionPlain ?? ""}${lists}${posting.additional ?? ""}`,
              postedAt: toRfc3339(posting.createdAt),
              tags: [categories.team, categories.department, categories.commitment].filter(
                (tag): tag is string => Boolean(tag),
              ),
            };
          },
        );
      }),
  };
}
