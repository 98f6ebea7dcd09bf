import type { PanelSpec } from "./grafana.ts";

/** CPU, memory and event-loop delay of the Node.js processes a selector picks, one line per `by`. */
export function processPanels(selector: string, by: string, legend: string): PanelSpec[] {
  return [
    {
      title: "CPU",
      description: "CPU seconds per second (1 = one core busy)",
      unit: "percentunit",
      queries: [
        { expr: `sum by (${by}) (rate(process_cpu_seconds_total{${selector}}[$__rate_interval]))`, legend },
      ],
    },
    {
      title: "Resident memory",
      description: "Resident set size",
      unit: "bytes",
      queries: [{ expr: `sum by (${by}) (process_resident_memory_bytes{${selector}})`, legend }],
    },
    {
      title: "Event loop delay p99",
      description: "How long callbacks waited for the event loop: CPU-bound work on it shows here first",
      unit: "s",
      queries: [{ expr: `max by (${by}) (nodejs_eventloop_lag_p99_seconds{${selector}})`, legend }],
    },
  ];
}
