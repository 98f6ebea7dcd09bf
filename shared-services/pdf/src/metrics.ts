import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import type { ParsePool } from "./parse-pool.ts";

export interface PdfMetrics {
  renders: Counter<"format" | "template" | "outcome">;
  parses: Counter<"kind" | "outcome">;
  parseSeconds: Histogram<"outcome">;
}

/** Renders and parses by outcome ("ok" or the failure code), parse time, and the worker pool's state. */
export function createPdfMetrics(registry: Registry, pool: ParsePool): PdfMetrics {
  new Gauge({
    name: "hl_pdf_parse_workers",
    help: "Parse worker processes by state",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const { workers, busy, queued } = pool.stats();
      this.set({ state: "alive" }, workers);
      this.set({ state: "busy" }, busy);
      this.set({ state: "queued" }, queued);
    },
  });
  return {
    renders: new Counter({
      name: "hl_pdf_renders_total",
      help: "Render calls by format, template and outcome",
      labelNames: ["format", "template", "outcome"],
      registers: [registry],
    }),
    parses: new Counter({
      name: "hl_pdf_parses_total",
      help: "Parse calls by detected kind and outcome",
      labelNames: ["kind", "outcome"],
      registers: [registry],
    }),
    parseSeconds: new Histogram({
      name: "hl_pdf_parse_seconds",
      help: "Time to parse one upload, queue wait included, by outcome",
      labelNames: ["outcome"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}
