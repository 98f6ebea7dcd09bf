import { randomUUID } from "node:crypto";
import { analyzeJob, type JobAnalysis, matchResume } from "@hireloop/resume-core";
import type { z } from "zod";
import { discoveries } from "../db/schema/index.ts";
import { analyzeJobText, callerOf } from "../shared-services/ai.ts";
import { type BoardResult, type Posting, searchPostings } from "../shared-services/scraper.ts";
import { insertJob } from "../use-cases/jobs/store.ts";
import { findResume, loadLatestResume } from "../use-cases/loaders.ts";
import { defineWorkflow, type StepContext } from "./definition.ts";
import { workflowInputs } from "./inputs.ts";

type DiscoveryInput = z.output<typeof workflowInputs.discovery>;

interface DiscoveryOutputs {
  search: { postings: FoundPosting[]; boards: BoardResult[] };
  analyze: { analyses: JobAnalysis[] };
  score: { discoveryId: string; resumeId: string | null; scored: number };
}

type Ctx = StepContext<DiscoveryInput, DiscoveryOutputs>;

/** How many postings one discovery keeps, and how many it analyzes at once. */
const MAX_POSTINGS = 50;
const ANALYSIS_CONCURRENCY = 4;

interface FoundPosting extends Omit<Posting, "postedAt"> {
  postedAt: string | null;
}

/**
 * search → analyze → score: finds postings for the user's query on the job boards (scraper
 * service), analyzes each one (ai-optimizer service), scores it against the user's resume and
 * stores the jobs, so `GET /v1/jobs` lists them best match first.
 */
export const discoveryWorkflow = defineWorkflow<DiscoveryInput, DiscoveryOutputs>({
  kind: "discovery",
  input: workflowInputs.discovery,
  steps: [
    {
      name: "search",
      weight: 30,
      async run(ctx) {
        const { input } = ctx;
        const { postings, boards } = await searchPostings(
          ctx.deps.channels,
          { query: input.query, location: input.location, boards: input.boards, limit: MAX_POSTINGS },
          ctx.signal,
        );
        const found: FoundPosting[] = postings.map((p) => ({ ...p, postedAt: p.postedAt || null }));
        return { output: { postings: found, boards } };
      },
    },
    {
      name: "analyze",
      weight: 40,
      async run(ctx) {
        const { postings } = ctx.outputOf("search");
        const caller = callerOf(ctx.tenantId, ctx.deps.config.cellId, ctx.input.tier);
        const analyses = await mapLimited(postings, ANALYSIS_CONCURRENCY, async (posting) => {
          const { analysis } = await analyzeJobText(
            ctx.deps.channels,
            caller,
            { text: posting.description, title: posting.title },
            ctx.signal,
          );
          return analysis;
        });
        return { output: { analyses } };
      },
      // The rules engine the service would use, run here: every posting still gets an analysis.
      async fallback(ctx) {
        const { postings } = ctx.outputOf("search");
        return { output: { analyses: postings.map((p) => analyzeJob(p.description, p.title)) } };
      },
    },
    {
      name: "score",
      weight: 30,
      async run(ctx) {
        const { input } = ctx;
        const { postings } = ctx.outputOf("search");
        const { analyses } = ctx.outputOf("analyze");
        const resume = await resumeToScore(ctx, input.resumeId);
        const scores = postings.map((_, i) =>
          resume && analyses[i] ? matchResume(resume.parsed, analyses[i], resume.matchProfile).score : null,
        );
        const discoveryId = randomUUID();
        return {
          output: {
            discoveryId,
            resumeId: resume?.id ?? null,
            scored: scores.filter((s) => s !== null).length,
          },
          persist: async (tx, record) => {
            for (const [i, posting] of postings.entries()) {
              const analysis = analyses[i];
              if (!analysis) continue;
              const match = {
                matchScore: scores[i] ?? null,
                matchedResumeId: resume?.id ?? null,
                matchStale: false,
                discoveryId,
              };
              await insertJob(tx, {
                id: randomUUID(),
                tenantId: ctx.tenantId,
                title: posting.title,
                text: posting.description,
                analysis,
                source: "discovery",
                postingId: posting.id,
                posting: {
                  board: posting.board,
                  url: posting.url,
                  company: posting.company,
                  location: posting.location,
                  remote: posting.remote,
                  postedAt: posting.postedAt,
                  tags: posting.tags,
                  contentHash: posting.contentHash,
                },
                ...match,
              });
            }
            await tx.insert(discoveries).values({
              id: discoveryId,
              tenantId: ctx.tenantId,
              workflowId: ctx.workflowId,
              query: input.query,
              location: input.location ?? null,
              boards: ctx.outputOf("search").boards,
              resumeId: resume?.id ?? null,
              found: postings.length,
            });
            await record("discovery.completed", {
              discoveryId,
              workflowId: ctx.workflowId,
              found: postings.length,
            });
            return { resultId: discoveryId };
          },
        };
      },
    },
  ],
});

/** The resume the run names, or the user's newest one; without one the jobs are stored unscored. */
function resumeToScore(ctx: Ctx, resumeId: string | undefined) {
  return resumeId ? findResume(ctx, resumeId) : loadLatestResume(ctx);
}

/** Runs `work` over `items` with at most `limit` at a time, keeping the order of the results. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  });
  await Promise.all(lanes);
  return results;
}
