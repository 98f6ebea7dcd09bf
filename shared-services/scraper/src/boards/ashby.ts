import { z } from "zod";
import type { HttpClient } from "../http.ts";
import { toRfc3339 } from "../normalize.ts";
import { arrayAt, boardUrl, normalizeBody, searchSources } from "./common.ts";
import type { BoardAdapter } from "./types.ts";

/** One job of `GET /posting-api/job-board/{org}?includeCompensation=true` (Ashby public posting API). */
const ashbyJob = z.object({
  id: z.string().nullish(),
  title: z.string(),
  jobUrl: z.string(),
  location: z.string().nullish(),
  secondaryLocations: z.array(z.object({ location: z.string() })).nullish(),
  department: z.string().nullish(),
  team: z.string().nullish(),
  isListed: z.boolean().nullish(),
  isRemote: z.boolean().nullish(),
  workplaceType: z.string().nullish(),
  employmentType: z.string().nullish(),
  descriptionHtml: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  publishedAt: z.string().nullish(),
  compensation: z.object({ compensationTierSummary: z.string().nullish() }).nullish(),
});

export interface AshbyOptions {
  http: HttpClient;
  /** https://api.ashbyhq.com in production. */
  baseUrl: string;
  /** Job board names, e.g. ["linear"]. */
  organizations: readonly string[];
}

export function createAshbyBoard(options: AshbyOptions): BoardAdapter {
  return {
    name: "ashby",
    description: `Ashby job boards: ${options.organizations.join(", ")}`,
    search: ({ signal }) =>
      searchSources(options.organizations, async (organization) => {
        const url = boardUrl(options.baseUrl, `/posting-api/job-board/${encodeURIComponent(organization)}`, {
          includeCompensation: "true",
        });
        const { body } = await options.http.getJson(url, signal);
        const listed = arrayAt("jobs")(body)?.filter(
          (job) => (job as { isListed?: unknown } | null)?.isListed !== false,
        );
        return normalizeBody(
          "ashby",
          organization,
          body,
          () => listed,
          ashbyJob,
          (job) => {
            const compensation = job.compensation?.compensationTierSummary;
            const locations = [job.location, ...(job.secondaryLocations ?? []).map((s) => s.location)];
            return {
              boardPostingId: job.id ?? job.jobUrl.split("/").pop() ?? job.jobUrl,
              title: job.title,
              company: organization,
              location: locations.filter(Boolean).join("; "),
              remote: job.isRemote === true || job.workplaceType === "Remote",
              url: job.jobUrl,
              description: `${job.descriptionHtml ?? job.descriptionPlain ?? ""}${compensation ? `<p>Compensation: ${compensation}</p>` : ""}`,
              postedAt: toRfc3339(job.publishedAt),
              tags: [job.department, job.team, job.employmentType].filter((tag): tag is string =>
                Boolean(tag),
              ),
            };
          },
        );
      }),
  };
}
