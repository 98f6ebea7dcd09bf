import { z } from "zod";
import type { HttpClient } from "../http.ts";
import { toRfc3339 } from "../normalize.ts";
import { arrayAt, boardUrl, normalizeBody } from "./common.ts";
import type { BoardAdapter } from "./types.ts";

/** One job of `GET /api/job-board-api` (Arbeitnow public API). */
const arbeitnowJob = z.object({
  slug: z.string(),
  company_name: z.string(),
  title: z.string(),
  description: z.string().nullish(),
  remote: z.boolean().nullish(),
  url: z.string(),
  tags: z.array(z.string()).nullish(),
  job_types: z.array(z.string()).nullish(),
  location: z.string().nullish(),
  // Seconds since the epoch.
  created_at: z.number().nullish(),
});

export interface ArbeitnowOptions {
  http: HttpClient;
  /** https://www.arbeitnow.com in production. */
  baseUrl: string;
}

/** Arbeitnow has no search parameter: its newest page is fetched and ranked here. */
export function createArbeitnowBoard(options: ArbeitnowOptions): BoardAdapter {
  return {
    name: "arbeitnow",
    description: "Arbeitnow: jobs in Europe (mostly Germany) and remote, newest first",
    async search({ signal }) {
      const url = boardUrl(options.baseUrl, "/api/job-board-api");
      const { body } = await options.http.getJson(url, signal);
      const { postings, skipped } = normalizeBody(
        "arbeitnow",
        "arbeitnow",
        body,
        arrayAt("data"),
        arbeitnowJob,
        (job) => ({
          boardPostingId: job.slug,
          title: job.title,
          company: job.company_name,
          location: job.location ?? "",
          remote: job.remote === true,
          url: job.url,
          description: job.description ?? "",
          postedAt: toRfc3339(job.created_at, "s"),
          tags: [...(job.tags ?? []), ...(job.job_types ?? [])],
        }),
      );
      return { postings, detail: skipped > 0 ? `${skipped} invalid postings skipped` : "" };
    },
  };
}
