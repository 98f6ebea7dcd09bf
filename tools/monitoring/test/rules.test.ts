import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { endpointSlos } from "@hireloop/observability/slo";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { RULES_DIR, renderedFiles } from "../src/outputs.ts";
import { platformAlertGroups } from "../src/platform-alerts.ts";
import { sloAlertGroups } from "../src/slo-rules.ts";

const exec = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const ruleFiles = renderedFiles()
  .filter((file) => file.path.startsWith(RULES_DIR))
  .map((file) => join(repoRoot, file.path));

const reads = endpointSlos.find((slo) => slo.group === "reads");
if (!reads) throw new Error("the reads group has no objective");
const ROUTER = {
  region: "us-east",
  router: "us-east-router-1",
  method: "GET",
  route: "/v1/*",
  group: "reads",
};
const selector = (labels: Record<string, string>) =>
  `{${Object.entries(labels)
    .map(([name, value]) => `${name}="${value}"`)
    .join(", ")}}`;

/**
 * Router request counters for `reads`, one sample a minute for `minutes`: `perMinute` requests of
 * which `failedShare` answered 503 and `slowShare` took longer than the p99 threshold (and the p95 one).
 */
function readTraffic(minutes: number, perMinute: number, failedShare: number, slowShare: number) {
  const failed = perMinute * failedShare;
  const fast = perMinute * (1 - slowShare);
  const counter = (step: number) => `0+${step}x${minutes}`;
  const requests = "hl_router_request_duration_seconds";
  return [
    {
      series: `${requests}_count${selector({ ...ROUTER, status: "200" })}`,
      values: counter(perMinute - failed),
    },
    { series: `${requests}_count${selector({ ...ROUTER, status: "503" })}`, values: counter(failed) },
    ...[reads?.latencyMs.p95, reads?.latencyMs.p99].map((ms) => ({
      series: `${requests}_bucket${selector({ ...ROUTER, status: "200", le: String(Number(ms) / 1000) })}`,
      values: counter(fast),
    })),
  ];
}

/** What promtool should see for a burn-rate alert of `reads`: the rule's labels and annotations, filled in. */
function burnAlert(burnRate: number, sli: string) {
  const rule = sloAlertGroups()
    .flatMap((group) => group.rules)
    .find((r) => "alert" in r && r.labels.burn_rate === String(burnRate));
  if (!rule || !("alert" in rule)) throw new Error(`no alert burning ${burnRate}×`);
  const labels = { ...rule.labels, region: "us-east", group: "reads", sli };
  return { exp_labels: labels, exp_annotations: filled(rule.annotations, labels) };
}

/** What promtool should see for a platform alert: its severity and `labels`, its annotations filled in. */
function platformAlert(name: string, labels: Record<string, string>, value = "") {
  const rule = platformAlertGroups()
    .flatMap((group) => group.rules)
    .find((r) => "alert" in r && r.alert === name);
  if (!rule || !("alert" in rule)) throw new Error(`no alert ${name}`);
  return {
    exp_labels: { ...rule.labels, ...labels },
    exp_annotations: filled(rule.annotations, { ...labels, value }),
  };
}

/** Annotations with `{{ $labels.x }}` and `{{ $value }}` (as promtool formats it) filled in. */
function filled(annotations: Record<string, string>, values: Record<string, string>) {
  const fill = (text: string) =>
    text
      .replace(/\{\{ \$labels\.(\w+) \}\}/g, (_, name: string) => values[name] ?? "")
      .replace(/\{\{ \$value( \| \w+)? \}\}/g, () => values.value ?? "");
  return Object.fromEntries(Object.entries(annotations).map(([key, text]) => [key, fill(text)]));
}

describe("the rule files", () => {
  it("are what `npm run monitoring:render` writes from slo.ts, as are the dashboards and docs/slo.md", async () => {
    const out = await mkdtemp(join(tmpdir(), "hl-monitoring-"));
    await exec("npm", ["run", "-s", "monitoring:render", "--", out], { cwd: repoRoot, timeout: 60_000 });
    for (const file of renderedFiles()) {
      const committed = await readFile(join(repoRoot, file.path), "utf8");
      expect(committed, `${file.path} is stale: run npm run monitoring:render`).toBe(
        await readFile(join(out, file.path), "utf8"),
      );
    }
  });

  it("pass `promtool check rules`", async () => {
    const { stdout } = await exec("promtool", ["check", "rules", ...ruleFiles], { timeout: 60_000 });
    expect(stdout.match(/SUCCESS/g)).toHaveLength(ruleFiles.length);
  });

  it("page on a fast burn, ticket a slow one, stay quiet while healthy, and alert on a cell, replication or dead letters", async () => {
    const p99 = reads.latencyMs.p99;
    const tests = [
      {
        name: "2% of reads fail for 70 minutes: 20× the budget, every window burns",
        interval: "1m",
        input_series: readTraffic(70, 1000, 0.02, 0),
        alert_rule_test: [
          {
            alertname: "SloErrorBudgetBurn",
            eval_time: "70m",
            exp_alerts: [14.4, 6, 3, 1].map((rate) => burnAlert(rate, "availability")),
          },
        ],
      },
      {
        name: "0.2% of reads fail for 70 minutes: 2× the budget, a ticket and no page",
        interval: "1m",
        input_series: readTraffic(70, 1000, 0.002, 0),
        alert_rule_test: [
          { alertname: "SloErrorBudgetBurn", eval_time: "70m", exp_alerts: [burnAlert(1, "availability")] },
        ],
      },
      {
        name: `20% of reads slower than ${p99} ms for 70 minutes: the p99 objective pages, the p95 one tickets`,
        interval: "1m",
        input_series: readTraffic(70, 1000, 0, 0.2),
        alert_rule_test: [
          {
            alertname: "SloErrorBudgetBurn",
            eval_time: "70m",
            exp_alerts: [
              ...[3, 1].map((rate) => burnAlert(rate, "latency_p95")),
              ...[14.4, 6, 3, 1].map((rate) => burnAlert(rate, "latency_p99")),
            ],
          },
        ],
      },
      {
        name: "0.05% of reads fail and 0.5% are slow for 70 minutes: within budget, quiet",
        interval: "1m",
        input_series: readTraffic(70, 1000, 0.0005, 0.005),
        alert_rule_test: [{ alertname: "SloErrorBudgetBurn", eval_time: "70m", exp_alerts: [] }],
      },
      {
        name: "a cell down for 2 minutes, replication 5 minutes behind, 12 dead letters in an hour, shedding for 15 minutes",
        interval: "1m",
        input_series: [
          {
            series: `hl_router_cell_up${selector({ region: "us-east", router: "r1", cell: "us-east-2" })}`,
            values: "1 1 0x5",
          },
          {
            series: `hl_router_replication_heartbeat_timestamp_seconds${selector({ region: "us-east", router: "r1", origin: "eu-central" })}`,
            values: "0+60x2 120x10",
          },
          {
            series: `hl_workflows_total${selector({ region: "us-east", cell: "us-east-1", process: "worker", kind: "tailoring", status: "failed" })}`,
            values: "0+2x6",
          },
          {
            series: `hl_requests_shed_total${selector({ region: "us-east", cell: "us-east-1", process: "api", reason: "queue_depth", tier: "free" })}`,
            values: "0+30x20",
          },
        ],
        alert_rule_test: [
          {
            alertname: "CellDown",
            eval_time: "5m",
            exp_alerts: [platformAlert("CellDown", { region: "us-east", cell: "us-east-2" })],
          },
          {
            alertname: "ReplicationLagHigh",
            eval_time: "8m",
            exp_alerts: [
              platformAlert("ReplicationLagHigh", { region: "us-east", origin: "eu-central" }, "6m 0s"),
            ],
          },
          { alertname: "ReplicationLagHigh", eval_time: "3m", exp_alerts: [] },
          {
            alertname: "DeadLettersGrowing",
            eval_time: "6m",
            exp_alerts: [platformAlert("DeadLettersGrowing", { region: "us-east", cell: "us-east-1" }, "12")],
          },
          { alertname: "CellShedding", eval_time: "8m", exp_alerts: [] },
          {
            alertname: "CellShedding",
            eval_time: "16m",
            exp_alerts: [platformAlert("CellShedding", { region: "us-east", cell: "us-east-1" })],
          },
        ],
      },
    ];
    const dir = await mkdtemp(join(tmpdir(), "hl-promtool-"));
    const file = join(dir, "alerts.test.yml");
    await writeFile(
      file,
      stringify({ rule_files: ruleFiles, evaluation_interval: "1m", tests }, { lineWidth: 0 }),
    );
    const run = await exec("promtool", ["test", "rules", file], { timeout: 120_000 }).catch((error) => error);
    expect(`${run.stdout}${run.stderr}`).toContain("SUCCESS");
  }, 120_000);
});
