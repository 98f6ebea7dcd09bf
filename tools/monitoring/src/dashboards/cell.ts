import { type DashboardSpec, quantileOf, shareOf, sumRate } from "./grafana.ts";
import { processPanels } from "./process.ts";

const CELL = 'region=~"$region", cell=~"$cell"';

/** One cell (or several): its API by route, its workflows and steps, its events and its processes. */
export const cellDashboard: DashboardSpec = {
  uid: "hireloop-cell",
  title: "Hireloop / Cell",
  description: "A cell's API by route, its workflow engine, its outbox and its API and worker processes",
  variables: [
    { name: "region", label: "Region", metric: "hl_http_request_duration_seconds_count" },
    { name: "cell", label: "Cell", metric: "hl_http_request_duration_seconds_count", dependsOn: "region" },
  ],
  rows: [
    {
      title: "API",
      panels: [
        {
          title: "Requests by route",
          description: "Requests per second the cell's API answered, by route template",
          unit: "reqps",
          queries: [
            {
              expr: sumRate("method, route", "hl_http_request_duration_seconds_count", CELL),
              legend: "{{method}} {{route}}",
            },
          ],
        },
        {
          title: "5xx share by route",
          description: "Requests the cell answered with a 5xx",
          unit: "percentunit",
          queries: [
            {
              expr: shareOf("method, route", "hl_http_request_duration_seconds_count", CELL, 'status=~"5.."'),
              legend: "{{method}} {{route}}",
            },
          ],
        },
        {
          title: "Latency p95 by route",
          description: "Time in the cell, 95th percentile (the router adds its own on top)",
          unit: "s",
          queries: [
            {
              expr: quantileOf(0.95, "method, route", "hl_http_request_duration_seconds", CELL),
              legend: "{{method}} {{route}}",
            },
          ],
        },
        {
          title: "Refused: not from the router",
          description: "Requests without a valid router credential (ADR 0016), by code",
          unit: "reqps",
          queries: [
            { expr: sumRate("code", "hl_http_refused_not_from_router_total", CELL), legend: "{{code}}" },
          ],
        },
      ],
    },
    {
      title: "Workflows",
      panels: [
        {
          title: "Workflows finished",
          description: "Workflows that reached a final status, by kind and status",
          unit: "ops",
          queries: [
            { expr: sumRate("kind, status", "hl_workflows_total", CELL), legend: "{{kind}} {{status}}" },
          ],
        },
        {
          title: "Dead letters, last hour",
          description:
            "Workflows that failed and were dead-lettered (list them with the operator API's dead letters)",
          unit: "none",
          queries: [
            {
              expr: `sum by (cell) (increase(hl_workflows_total{${CELL}, status="failed"}[1h])) or 0 * sum by (cell) (increase(hl_workflows_total{${CELL}}[1h]))`,
              legend: "{{cell}}",
            },
          ],
        },
        {
          title: "Step queue depth",
          description:
            "Steps waiting for a worker, as the API's admission control last read it: new workflows are refused past HL_ADMISSION_QUEUE_DEPTH",
          unit: "none",
          queries: [{ expr: `max by (cell) (hl_step_queue_depth{${CELL}})`, legend: "{{cell}}" }],
        },
        {
          title: "Workflow starts shed",
          description:
            "New workflows refused with 503 overloaded, by reason and the caller's tier (free ones first)",
          unit: "reqps",
          queries: [
            { expr: sumRate("reason, tier", "hl_requests_shed_total", CELL), legend: "{{reason}} {{tier}}" },
          ],
        },
        {
          title: "Step attempts by outcome",
          description: "Step attempts: succeeded, waiting (for a shared service), retried, fallback, failed",
          unit: "ops",
          queries: [
            {
              expr: sumRate("step, outcome", "hl_workflow_steps_total", CELL),
              legend: "{{step}} {{outcome}}",
            },
          ],
        },
        {
          title: "Step duration p95",
          description: "One step attempt, 95th percentile",
          unit: "s",
          queries: [
            { expr: quantileOf(0.95, "step", "hl_workflow_step_duration_seconds", CELL), legend: "{{step}}" },
          ],
        },
      ],
    },
    {
      title: "Events",
      panels: [
        {
          title: "Outbox events published",
          description:
            "Events the outbox relay published to the region's Kafka, by type (each counted in its tenant's usage as it is published)",
          unit: "ops",
          queries: [{ expr: sumRate("type", "hl_events_published_total", CELL), legend: "{{type}}" }],
        },
      ],
    },
    { title: "Cell processes", panels: processPanels(CELL, "cell, process", "{{cell}} {{process}}") },
  ],
};
