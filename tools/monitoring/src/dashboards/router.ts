import { type DashboardSpec, quantileOf, shareOf, sumRate } from "./grafana.ts";
import { processPanels } from "./process.ts";

const REQUESTS = "hl_router_request_duration_seconds";
const REGION = 'region=~"$region"';
const GROUPED = `${REGION}, group!="other"`;

/** The regional router: traffic and SLIs by endpoint group, the cells it proxies to, its limits and its process. */
export const routerDashboard: DashboardSpec = {
  uid: "hireloop-router",
  title: "Hireloop / Router",
  description:
    "Requests as users see them, by SLO endpoint group (docs/slo.md), and the router's view of its cells",
  variables: [{ name: "region", label: "Region", metric: "hl_router_cell_up" }],
  rows: [
    {
      title: "Service level, by endpoint group",
      panels: [
        {
          title: "Requests",
          description: "Requests per second by endpoint group (other: probes, docs, the web app)",
          unit: "reqps",
          queries: [{ expr: sumRate("group", `${REQUESTS}_count`, REGION), legend: "{{group}}" }],
        },
        {
          title: "5xx share",
          description:
            "Requests answered with a 5xx (the router's own 502/503/504 included): the availability SLI",
          unit: "percentunit",
          queries: [
            { expr: shareOf("group", `${REQUESTS}_count`, GROUPED, 'status=~"5.."'), legend: "{{group}}" },
          ],
        },
        {
          title: "Latency p95",
          description: "Time to the response head, 95th percentile",
          unit: "s",
          queries: [{ expr: quantileOf(0.95, "group", REQUESTS, GROUPED), legend: "{{group}}" }],
        },
        {
          title: "Latency p99",
          description: "Time to the response head, 99th percentile",
          unit: "s",
          queries: [{ expr: quantileOf(0.99, "group", REQUESTS, GROUPED), legend: "{{group}}" }],
        },
        {
          title: "Error budget burn rate, 1h",
          description:
            "How many times faster than the 30-day window allows each SLI spends its budget (1 = exactly on budget; 14.4 pages)",
          unit: "none",
          queries: [
            {
              expr: `slo:sli_error:ratio_rate1h{${REGION}} / on (group, sli) group_left () slo:error_budget:ratio`,
              legend: "{{group}} {{sli}}",
            },
          ],
        },
        {
          title: "Error budget burn rate, 3d",
          description: "The same over 3 days: above 1 for long, the month's budget runs out (a ticket)",
          unit: "none",
          queries: [
            {
              expr: `slo:sli_error:ratio_rate3d{${REGION}} / on (group, sli) group_left () slo:error_budget:ratio`,
              legend: "{{group}} {{sli}}",
            },
          ],
        },
      ],
    },
    {
      title: "Cells",
      panels: [
        {
          title: "Cells up",
          description: "1 while the router's health checks see the cell up",
          unit: "none",
          queries: [{ expr: `min by (cell) (hl_router_cell_up{${REGION}})`, legend: "{{cell}}" }],
        },
        {
          title: "Proxied requests by cell and status",
          description: "What clients got for each cell: the cell's status, or the router's 503/504 for it",
          unit: "reqps",
          queries: [
            {
              expr: sumRate("cell, status", "hl_router_proxied_requests_total", REGION),
              legend: "{{cell}} {{status}}",
            },
          ],
        },
        {
          title: "Newcomers placed away from full cells",
          description: "New tenants whose bucket's cell was full, by that cell and where they went",
          unit: "reqps",
          queries: [
            {
              expr: sumRate("full, cell", "hl_router_new_tenants_redirected_total", REGION),
              legend: "{{full}} → {{cell}}",
            },
          ],
        },
        {
          title: "Rate limited",
          description: "Requests refused with 429, by limit",
          unit: "reqps",
          queries: [{ expr: sumRate("scope", "hl_router_rate_limited_total", REGION), legend: "{{scope}}" }],
        },
      ],
    },
    { title: "Router processes", panels: processPanels(`${REGION}, router!=""`, "router", "{{router}}") },
  ],
};
