import { type EndpointSlo, endpointSlos, SLO_WINDOW_DAYS } from "@hireloop/observability/slo";

/** A Prometheus rule group, as rule files hold it. */
export interface RuleGroup {
  name: string;
  interval?: string;
  rules: Rule[];
}

export type Rule =
  | { record: string; expr: string; labels?: Record<string, string> }
  | {
      alert: string;
      expr: string;
      for?: string;
      labels: Record<string, string>;
      annotations: Record<string, string>;
    };

/** The windows the SLIs are recorded over: every long and short window of the burn-rate alerts. */
export const SLI_WINDOWS = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const;
export type SliWindow = (typeof SLI_WINDOWS)[number];

/**
 * Multi-window, multi-burn-rate alerts (Google SRE workbook, ch. 5): an alert fires while both its
 * long and its short window spend the error budget `burnRate` times faster than the window allows.
 * 14.4× for 1h spends 2% of a 30-day budget; 6× for 6h, 5%; 3× for 1d and 1× for 3d, 10%.
 * The short window (1/12 of the long one) makes the alert stop soon after the burning stops.
 */
export const BURN_RATE_ALERTS = [
  { severity: "page", burnRate: 14.4, long: "1h", short: "5m" },
  { severity: "page", burnRate: 6, long: "6h", short: "30m" },
  { severity: "ticket", burnRate: 3, long: "1d", short: "2h" },
  { severity: "ticket", burnRate: 1, long: "3d", short: "6h" },
] as const satisfies readonly { severity: string; burnRate: number; long: SliWindow; short: SliWindow }[];

/** Each SLI of an endpoint group and the objective it is held to (the share of good requests). */
export type Sli = "availability" | "latency_p95" | "latency_p99";

export function objectivesOf(slo: EndpointSlo): { sli: Sli; objective: number }[] {
  return [
    { sli: "availability", objective: slo.availability },
    { sli: "latency_p95", objective: 0.95 },
    { sli: "latency_p99", objective: 0.99 },
  ];
}

const REQUESTS = "hl_router_request_duration_seconds";
const BY = "sum by (region, group)";
/** Requests of every endpoint group ("other" is probes, docs and the web app: no objective). */
const GROUPED = 'group!="other"';

/** `le` as prom-client writes a bucket's bound, so the selector matches the exposed series. */
export const bucketBound = (ms: number) => String(ms / 1000);

function availabilityRatio(window: SliWindow): string {
  const all = `${BY} (rate(${REQUESTS}_count{${GROUPED}}[${window}]))`;
  // A group without a 5xx has no 5xx series: `or 0 * all` records its ratio as 0 rather than nothing.
  const failed = `${BY} (rate(${REQUESTS}_count{${GROUPED}, status=~"5.."}[${window}]))`;
  return `(${failed} or 0 * ${all})\n/\n${all}`;
}

function slowRatio(group: string, thresholdMs: number, window: SliWindow): string {
  const fast = `${BY} (rate(${REQUESTS}_bucket{group="${group}", le="${bucketBound(thresholdMs)}"}[${window}]))`;
  const all = `${BY} (rate(${REQUESTS}_count{group="${group}"}[${window}]))`;
  return `1 - ${fast}\n/\n${all}`;
}

export const sliErrorRatio = (window: SliWindow) => `slo:sli_error:ratio_rate${window}`;

/** Per window: the request rate and, per group and SLI, the share of bad requests (5xx, or slower than the threshold). */
export function sloRecordingGroups(): RuleGroup[] {
  const budgets: Rule[] = endpointSlos.flatMap((slo) =>
    objectivesOf(slo).map(({ sli, objective }) => ({
      record: "slo:error_budget:ratio",
      expr: `vector(${Number((1 - objective).toFixed(6))})`,
      labels: { group: slo.group, sli },
    })),
  );
  const windows: RuleGroup[] = SLI_WINDOWS.map((window) => ({
    name: `slo-sli-${window}`,
    rules: [
      {
        record: `slo:requests:rate${window}`,
        expr: `${BY} (rate(${REQUESTS}_count{${GROUPED}}[${window}]))`,
      },
      { record: sliErrorRatio(window), expr: availabilityRatio(window), labels: { sli: "availability" } },
      ...endpointSlos.flatMap((slo) =>
        (["p95", "p99"] as const).map((quantile) => ({
          record: sliErrorRatio(window),
          expr: slowRatio(slo.group, slo.latencyMs[quantile], window),
          labels: { group: slo.group, sli: `latency_${quantile}` },
        })),
      ),
    ],
  }));
  return [{ name: "slo-error-budgets", rules: budgets }, ...windows];
}

/** One alert per burn rate, over every group and SLI: the budgets come from the recorded objectives. */
export function sloAlertGroups(): RuleGroup[] {
  const rules: Rule[] = BURN_RATE_ALERTS.map(({ severity, burnRate, long, short }) => {
    const over = (window: SliWindow) =>
      `${sliErrorRatio(window)} > on (group, sli) group_left () (${burnRate} * slo:error_budget:ratio)`;
    return {
      alert: "SloErrorBudgetBurn",
      expr: `${over(long)}\nand\n${over(short)}`,
      labels: { severity, burn_rate: String(burnRate), window: `${long}/${short}` },
      annotations: {
        summary: `{{ $labels.group }} ({{ $labels.sli }}) in {{ $labels.region }} spends its ${SLO_WINDOW_DAYS}-day error budget ${burnRate}× too fast`,
        description: `Over the last ${long} and ${short}, more than ${burnRate}× the budgeted share of {{ $labels.group }} requests failed their {{ $labels.sli }} objective (docs/slo.md).`,
        runbook: "docs/runbooks/monitoring.md",
      },
    };
  });
  return [{ name: "slo-burn-rate-alerts", rules }];
}
