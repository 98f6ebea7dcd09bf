import { type DashboardSpec, quantileOf, shareOf, sumRate } from "./grafana.ts";
import { processPanels } from "./process.ts";

const REGION = 'region=~"$region"';
const GRPC = "hl_grpc_server_handling_seconds";

/** pdf, ai-optimizer and scraper: their gRPC calls, then what each does with them. */
export const sharedServicesDashboard: DashboardSpec = {
  uid: "hireloop-shared-services",
  title: "Hireloop / Shared services",
  description:
    "The region's pdf, ai-optimizer and scraper services: gRPC calls, renders and parses, models and job boards",
  variables: [{ name: "region", label: "Region", metric: 'process_cpu_seconds_total{service!=""}' }],
  rows: [
    {
      title: "gRPC",
      panels: [
        {
          title: "Calls by method and code",
          description: "gRPC calls answered per second, by service, method and status code",
          unit: "reqps",
          queries: [
            {
              expr: sumRate("service, method, code", `${GRPC}_count`, REGION),
              legend: "{{service}}.{{method}} {{code}}",
            },
          ],
        },
        {
          title: "Failed share by method",
          description: "Calls answered with a code other than OK",
          unit: "percentunit",
          queries: [
            {
              expr: shareOf("service, method", `${GRPC}_count`, REGION, 'code!="OK"'),
              legend: "{{service}}.{{method}}",
            },
          ],
        },
        {
          title: "Latency p95 by method",
          description: "Time to answer a call, 95th percentile",
          unit: "s",
          queries: [
            { expr: quantileOf(0.95, "service, method", GRPC, REGION), legend: "{{service}}.{{method}}" },
          ],
        },
        {
          title: "Latency p99 by method",
          description: "Time to answer a call, 99th percentile",
          unit: "s",
          queries: [
            { expr: quantileOf(0.99, "service, method", GRPC, REGION), legend: "{{service}}.{{method}}" },
          ],
        },
      ],
    },
    {
      title: "pdf",
      panels: [
        {
          title: "Renders and parses by outcome",
          description: "Render calls by format and outcome, parse calls by detected kind and outcome",
          unit: "ops",
          queries: [
            {
              expr: sumRate("format, outcome", "hl_pdf_renders_total", REGION),
              legend: "render {{format}} {{outcome}}",
            },
            {
              expr: sumRate("kind, outcome", "hl_pdf_parses_total", REGION),
              legend: "parse {{kind}} {{outcome}}",
            },
          ],
        },
        {
          title: "Parse time p95 and parse workers",
          description: "Time to parse one upload (queue wait included), and the worker pool by state",
          unit: "s",
          queries: [
            { expr: quantileOf(0.95, "outcome", "hl_pdf_parse_seconds", REGION), legend: "p95 {{outcome}}" },
            { expr: `sum by (state) (hl_pdf_parse_workers{${REGION}})`, legend: "workers {{state}}" },
          ],
        },
      ],
    },
    {
      title: "ai-optimizer",
      panels: [
        {
          title: "Answers by operation and provider",
          description: "Answers returned, by operation, the provider that answered and whether the cache did",
          unit: "ops",
          queries: [
            {
              expr: sumRate("operation, provider, cached", "hl_ai_answers_total", REGION),
              legend: "{{operation}} {{provider}} cached={{cached}}",
            },
          ],
        },
        {
          title: "Provider calls by outcome",
          description: "Model provider calls: ok, or the reason it fell back; open circuits",
          unit: "ops",
          queries: [
            {
              expr: sumRate("provider, outcome", "hl_ai_provider_calls_total", REGION),
              legend: "{{provider}} {{outcome}}",
            },
            {
              expr: `max by (provider) (hl_ai_provider_circuit_open{${REGION}})`,
              legend: "{{provider}} circuit open",
            },
          ],
        },
        {
          title: "Cache hit share",
          description: "Exact-match cache lookups that hit",
          unit: "percentunit",
          queries: [
            {
              expr: shareOf("operation", "hl_ai_cache_lookups_total", REGION, 'result="hit"'),
              legend: "{{operation}}",
            },
          ],
        },
        {
          title: "Spend and budget refusals",
          description:
            "Model spend in USD per hour by provider, and calls refused for a spent budget by tier",
          unit: "none",
          queries: [
            {
              expr: `sum by (provider) (rate(hl_ai_cost_micro_usd_total{${REGION}}[$__rate_interval])) * 3600 / 1e6`,
              legend: "USD/h {{provider}}",
            },
            { expr: sumRate("tier", "hl_ai_budget_exceeded_total", REGION), legend: "refused {{tier}}" },
          ],
        },
      ],
    },
    {
      title: "scraper",
      panels: [
        {
          title: "Board searches by outcome",
          description: "Job-board searches by board and outcome",
          unit: "ops",
          queries: [
            {
              expr: sumRate("board, status", "hl_scraper_board_searches_total", REGION),
              legend: "{{board}} {{status}}",
            },
          ],
        },
        {
          title: "Job-board HTTP answers",
          description:
            "HTTP attempts by host and status code (or timeout, network_error), and the board's own rate limits",
          unit: "ops",
          queries: [
            {
              expr: sumRate("host, code", "hl_scraper_http_responses_total", REGION),
              legend: "{{host}} {{code}}",
            },
            {
              expr: sumRate("host", "hl_scraper_http_rate_limited_total", REGION),
              legend: "{{host}} rate limited",
            },
          ],
        },
      ],
    },
    { title: "Service processes", panels: processPanels(`${REGION}, service!=""`, "service", "{{service}}") },
  ],
};
