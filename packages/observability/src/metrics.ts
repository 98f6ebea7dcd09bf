import { collectDefaultMetrics, Registry } from "prom-client";

/** One Prometheus registry per process, with the default Node.js metrics and constant labels. */
export function createMetricsRegistry(labels: Record<string, string>): Registry {
  const registry = new Registry();
  registry.setDefaultLabels(labels);
  collectDefaultMetrics({ register: registry });
  return registry;
}
