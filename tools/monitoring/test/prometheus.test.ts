import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { endpointSlos } from "@hireloop/observability/slo";
import { eventReader, json, signedIn } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { type ServiceProcess, startServiceProcess } from "@hireloop/testkit/service-process";
import { startTwoRegions, type TwoRegions } from "@hireloop/testkit/two-regions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { DASHBOARDS_DIR, RULES_DIR, renderedFiles } from "../src/outputs.ts";
import type { RuleGroup } from "../src/slo-rules.ts";
import { type PrometheusProcess, startPrometheus } from "./support/prometheus.ts";

const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const committed = (prefix: string) =>
  renderedFiles()
    .filter((file) => file.path.startsWith(prefix))
    .map((file) => join(repoRoot, file.path));

const services: ServiceProcess[] = [];
let world: TwoRegions | undefined;
let prometheus: PrometheusProcess | undefined;

beforeAll(async () => {
  // One after another: ports picked at once could collide.
  for (const kind of ["pdf", "ai-optimizer", "scraper"] as const)
    services.push(await startServiceProcess(kind));
  const [pdf, ai, scraper] = services.map((service) => service.address);
  world = await startTwoRegions({
    cellEnv: { HL_PDF_ADDRESS: `${pdf}`, HL_AI_OPTIMIZER_ADDRESS: `${ai}`, HL_SCRAPER_ADDRESS: `${scraper}` },
  });
  const regions = Object.values(world.regions);
  prometheus = await startPrometheus(
    {
      router: regions.map((region) => `${region.router.adminUrl}/metrics`),
      cell: regions.flatMap((region) =>
        region.cells.cells.flatMap((cell) => [cell.processes.adminUrl, cell.processes.workerUrl]),
      ),
      "shared-services": services.map((service) => service.metricsUrl),
    },
    committed(RULES_DIR),
  );
}, 240_000);

afterAll(async () => {
  await prometheus?.stop();
  await world?.stop();
  await Promise.all(services.map((service) => service.kill("SIGTERM")));
});

/** A request of every endpoint group through us-east's router, a tailoring to its end, and a hop to eu-central. */
async function driveTraffic(world: TwoRegions) {
  const run = randomUUID().slice(0, 8);
  const east = world.regions["us-east"].url;
  const as = signedIn(east, world.token, `slo-${run}`);
  expect((await as("/v1/me")).status).toBe(200);
  const resume = await as("/v1/resumes", json({ text: textFixture("resume.txt") }));
  expect(resume.status).toBe(201);
  const job = await as("/v1/jobs", json({ text: textFixture("job-backend.txt") }));
  expect(job.status).toBe(201);
  const ids = { resumeId: (await resume.json()).id, jobId: (await job.json()).id };
  expect((await as("/v1/matches", json(ids))).status).toBe(200);
  const started = await as("/v1/tailorings", json({ ...ids, format: "pdf" }));
  expect(started.status).toBe(202);
  const { workflowId } = await started.json();
  const stream = await as(`/v1/workflows/${workflowId}/events`, { signal: AbortSignal.timeout(90_000) });
  expect(stream.status).toBe(200);
  const events = eventReader(stream.body as ReadableStream<Uint8Array>);
  for (let event = await events.next(); event && event.event !== "end"; event = await events.next()) {
    // follow the tailoring to its end: the worker calls the shared services on the way
  }
  const workflow = await (await as(`/v1/workflows/${workflowId}`)).json();
  expect(workflow.status).toBe("succeeded");
  expect((await as(`/v1/tailorings/${workflow.resultId}/document`)).status).toBe(200);
  expect((await as(`/v1/resumes/${randomUUID()}`, { method: "DELETE" })).status).toBe(404);
  // A user homed in eu-central, then served through us-east: a hop between the regions.
  const traveller = `slo-eu-${run}`;
  expect((await signedIn(world.regions["eu-central"].url, world.token, traveller)("/v1/me")).status).toBe(
    200,
  );
  expect((await signedIn(east, world.token, traveller)("/v1/me")).status).toBe(200);
}

/** Grafana's variables as every value would fill them: `$region` matches any region, a rate spans 1m. */
function asQuery(expr: string): string {
  return expr.replaceAll("$__rate_interval", "1m").replace(/\$(region|cell)\b/g, ".*");
}

/** The metric names (and recorded series) a query reads: every one of ours has one of these prefixes. */
const metricsOf = (expr: string) =>
  expr.match(/\b(?:hl_|process_|nodejs_)[a-z0-9_]+|\bslo:[a-z0-9_:]+/g) ?? [];

interface Dashboard {
  title: string;
  panels: { title: string; targets?: { expr: string }[] }[];
  templating: { list: { type: string; name: string; definition?: string }[] };
}

/** Every query of the dashboards and every rule expression that fails: refused, or empty though its metrics exist. */
async function failingQueries(prometheus: PrometheusProcess): Promise<string[]> {
  const emitted = new Set(await prometheus.api<string[]>("label/__name__/values"));
  const failures: string[] = [];
  const check = async (what: string, expr: string, mustReturn: boolean) => {
    try {
      const data = await prometheus.api<{ result: unknown[] }>("query", { query: asQuery(expr) });
      if (mustReturn && metricsOf(expr).every((name) => emitted.has(name)) && data.result.length === 0) {
        failures.push(`${what}: no series for ${expr}`);
      }
    } catch (error) {
      failures.push(`${what}: ${(error as Error).message}`);
    }
  };
  for (const file of committed(DASHBOARDS_DIR)) {
    const dashboard = JSON.parse(await readFile(file, "utf8")) as Dashboard;
    for (const panel of dashboard.panels) {
      for (const target of panel.targets ?? [])
        await check(`${dashboard.title} / ${panel.title}`, target.expr, true);
    }
    for (const variable of dashboard.templating.list.filter((v) => v.type === "query")) {
      const [, selector = "", label = ""] =
        /^label_values\((.+), (\w+)\)$/.exec(variable.definition ?? "") ?? [];
      const series = await prometheus.api<Record<string, string>[]>("series", {
        "match[]": asQuery(selector),
      });
      if (series.length === 0 || series.some((labels) => !labels[label])) {
        failures.push(`${dashboard.title} variable ${variable.name}: no ${label} on ${selector}`);
      }
    }
  }
  for (const file of committed(RULES_DIR)) {
    const { groups } = parse(await readFile(file, "utf8")) as { groups: RuleGroup[] };
    for (const rule of groups.flatMap((group) => group.rules)) {
      // An alert's expression is empty while all is well; a recording rule's is not.
      await check("record" in rule ? rule.record : rule.alert, rule.expr, "record" in rule);
    }
  }
  return failures;
}

describe("the dashboards and rules against a real Prometheus scraping the platform", () => {
  it("loads every rule healthy, answers every query, and returns series wherever the platform emits the metrics", async () => {
    if (!world || !prometheus) throw new Error("the platform did not start");
    await driveTraffic(world);
    const deadline = Date.now() + 90_000;
    let failures: string[] = [];
    let groups: string[] = [];
    for (;;) {
      const slis = await prometheus.api<{ result: { metric: Record<string, string> }[] }>("query", {
        query: 'slo:sli_error:ratio_rate5m{region="us-east", sli="availability"}',
      });
      groups = slis.result.map((series) => series.metric.group ?? "").sort();
      const heartbeats = await prometheus.api<{ result: unknown[] }>("query", {
        query: "hl_router_replication_heartbeat_timestamp_seconds",
      });
      failures =
        heartbeats.result.length === 0 ? ["no replication heartbeat yet"] : await failingQueries(prometheus);
      if ((failures.length === 0 && groups.length === endpointSlos.length) || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    expect(failures).toEqual([]);
    expect(groups).toEqual(endpointSlos.map((slo) => slo.group).sort());

    const loaded = await prometheus.api<{
      groups: { name: string; rules: { name: string; health: string; lastError?: string }[] }[];
    }>("rules");
    const files = await Promise.all(
      committed(RULES_DIR).map(
        async (file) => (parse(await readFile(file, "utf8")) as { groups: RuleGroup[] }).groups,
      ),
    );
    const expected = files.flat().flatMap((group) => group.rules).length;
    const rules = loaded.groups.flatMap((group) => group.rules);
    expect(rules).toHaveLength(expected);
    expect(rules.filter((rule) => rule.health !== "ok")).toEqual([]);
  }, 180_000);
});
