import { createMetricsRegistry } from "@hireloop/observability";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";

export interface CellMetrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status">;
  workflowsTotal: Counter<"kind" | "status">;
  stepsTotal: Counter<"step" | "outcome">;
  stepDuration: Histogram<"step">;
  eventsPublished: Counter<"type">;
  /** Requests refused because they did not come from the region's router (ADR 0016). */
  refusedDirect: Counter<"code">;
  /** Workflow starts refused because the cell has more queued than it takes (ADR 0041). */
  shed: Counter<"reason" | "tier">;
  /** Workflow steps waiting in the cell's queue, as admission last read it. */
  queueDepth: Gauge;
}

export function createCellMetrics(labels: { region: string; cell: string; process: string }): CellMetrics {
  const registry = createMetricsRegistry(labels);
  return {
    registry,
    httpDuration: new Histogram({
      name: "hl_http_request_duration_seconds",
      help: "HTTP request latency by route",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    workflowsTotal: new Counter({
      name: "hl_workflows_total",
      help: "Workflows that reached a final status",
      labelNames: ["kind", "status"],
      registers: [registry],
    }),
    stepsTotal: new Counter({
      name: "hl_workflow_steps_total",
      help: "Workflow step attempts by outcome (succeeded, retried, fallback, failed)",
      labelNames: ["step", "outcome"],
      registers: [registry],
    }),
    stepDuration: new Histogram({
      name: "hl_workflow_step_duration_seconds",
      help: "Workflow step attempt duration",
      labelNames: ["step"],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    eventsPublished: new Counter({
      name: "hl_events_published_total",
      help: "Outbox events published to Kafka",
      labelNames: ["type"],
      registers: [registry],
    }),
    refusedDirect: new Counter({
      name: "hl_http_refused_not_from_router_total",
      help: "Requests refused because they did not carry a valid router credential",
      labelNames: ["code"],
      registers: [registry],
    }),
    shed: new Counter({
      name: "hl_requests_shed_total",
      help: "Workflow starts refused with 503 overloaded, by reason and the caller's tier",
      labelNames: ["reason", "tier"],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: "hl_step_queue_depth",
      help: "Workflow steps waiting in the cell's queue (read by the API's admission control)",
      registers: [registry],
    }),
  };
}
