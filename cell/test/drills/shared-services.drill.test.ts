import { json } from "@hireloop/testkit/client";
import {
  type ServiceProcess,
  type SharedServiceKind,
  startServiceProcess,
} from "@hireloop/testkit/service-process";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resumeAndJob } from "../support/requests.ts";
import { scalar } from "../support/sql.ts";
import { type RoutedCell, startRoutedCell, statuses, waitAll } from "./support.ts";

let world: RoutedCell;
let sql: postgres.Sql;
const services = {} as Record<SharedServiceKind, ServiceProcess>;

beforeAll(async () => {
  for (const kind of ["pdf", "ai-optimizer", "scraper"] as const)
    services[kind] = await startServiceProcess(kind);
  world = await startRoutedCell({
    HL_PDF_ADDRESS: services.pdf.address,
    HL_AI_OPTIMIZER_ADDRESS: services["ai-optimizer"].address,
    HL_SCRAPER_ADDRESS: services.scraper.address,
    HL_PDF_DEADLINE_MS: "3000",
    HL_AI_OPTIMIZER_DEADLINE_MS: "3000",
    HL_SCRAPER_DEADLINE_MS: "3000",
  });
  sql = postgres(world.databaseUrl, { max: 2, onnotice: () => {} });
}, 120_000);
afterAll(async () => {
  await sql?.end();
  await world?.stop();
  for (const service of Object.values(services)) await service.kill("SIGTERM");
});

type Client = ReturnType<RoutedCell["as"]>;

/** Tailorings, roasts and discoveries for one user: every kind of workflow that calls a service. */
async function startMixedWorkflows(request: Client): Promise<string[]> {
  const { resume, job } = await resumeAndJob(request);
  const bodies: [string, unknown][] = [
    ...Array.from({ length: 4 }, (_, i): [string, unknown] => [
      "/v1/tailorings",
      { resumeId: resume.id, jobId: job.id, format: i % 2 ? "docx" : "pdf" },
    ]),
    ...(["gentle", "honest", "savage"] as const).map((style): [string, unknown] => [
      "/v1/roasts",
      { resumeId: resume.id, style, mode: "rules" },
    ]),
    ["/v1/discoveries", { query: "backend engineer" }],
    ["/v1/discoveries", { query: "registered nurse" }],
  ];
  const ids: string[] = [];
  for (const [path, body] of bodies) {
    const res = await request(path, json(body));
    expect(res.status).toBe(202);
    ids.push((await res.json()).workflowId);
  }
  return ids;
}

describe("drill: a shared service dies in the middle of workflows and comes back", () => {
  for (const kind of ["pdf", "ai-optimizer", "scraper"] as const) {
    it(`${kind}: every workflow completes exactly once, by waiting for it rather than falling back`, async () => {
      const request = world.as(`outage-${kind}`);
      await services[kind].kill("SIGKILL");
      const ids = await startMixedWorkflows(request);
      // Down for a while: the workflows that need it wait, the others may finish.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      const during = await statuses(request, ids);
      expect(during.filter((s) => s !== "succeeded").length).toBeGreaterThan(0);
      await services[kind].start();

      const final = await waitAll(request, ids, 180_000);
      expect(final).toEqual(ids.map(() => "succeeded"));
      const completions = await sql<{ id: string; n: number }[]>`
        select envelope->'data'->>'workflowId' as id, count(*)::int as n from outbox
        where envelope->>'type' = 'workflow.succeeded' and envelope->'data'->>'workflowId' = any(${ids}::text[])
        group by 1`;
      expect(completions.length).toBe(ids.length);
      expect(completions.every((row) => row.n === 1)).toBe(true);
      const fallbacks = await scalar(sql`
        select count(*)::int as n from workflow_steps
        where workflow_id = any(${ids}::uuid[]) and used_fallback is not null`);
      expect(fallbacks).toBe(0);
      const results = await scalar(sql`
        select (select count(*) from tailorings where workflow_id = any(${ids}::uuid[]))
             + (select count(*) from roasts where workflow_id = any(${ids}::uuid[]))
             + (select count(*) from discoveries where workflow_id = any(${ids}::uuid[])) as n`);
      expect(Number(results)).toBe(ids.length);
    }, 240_000);
  }
});
