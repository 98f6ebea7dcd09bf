import { z } from "zod";
import type { HttpClient } from "../http.ts";
import { toRfc3339 } from "../normalize.ts";
import { arrayAt, boardUrl, normalizeBody } from "./common.ts";
import type { BoardAdapter } from "./types.ts";

/** One job of `GET /api/remote-jobs?search=…` (Remotive public API). */
const remotiveJob = z.object({
  id: z.number(),
  url: z.string(),
  title: z.string(),
  company_name: z.string(),
  category: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  job_type: z.string().nullish(),
  // "2024-05-02T09:41:12": UTC without a zone.
  publication_date: z.string().nullish(),
  candidate_required_location: z.string().nullish(),
  salary: z.string().nullish(),
  description: z.string().nullish(),
});

export interface RemotiveOptions {
  http: HttpClient;
  /** https://remotive.com in production. */
  baseUrl: string;
}

/** Remotive searches server-side, so the query goes along; every posting is remote. */
export function createRemotiveBoard(options: RemotiveOptions): BoardAdapter {
  return {
    name: "remotive",
    description: "Remotive: remote jobs, searched by the board",
    async search({ query, signal }) {
      const url = boardUrl(options.baseUrl, "/api/remote-jobs", query.trim() ? { search: query.trim() } : {});
      const { body } = await options.http.getJson(url, signal);
      const { postings, skipped } = normalizeBody(
        "remotive",
        "remotive",
        body,
        arrayAt("jobs"),
        remotiveJob,
        (job) => ({
          boardPostingId: String(job.id),
          title: job.title,
          company: job.company_name,
          location: job.candidate_required_location || "Remote",
          remote: true,
          url: job.url,
          description: `${job.description ?? ""}${job.salary ? `<p>Salary: ${job.salary}</p>` : ""}`,
          postedAt: toRfc3339(job.publication_date),
          tags: [job.category ?? "", ...(job.tags ?? []), (job.job_type ?? "").replace(/_/g, " ")],
        }),
      );
      return { postings, detail: skipped > 0 ? `${skipped} invalid postings skipped` : "" };
    },
  };
}
