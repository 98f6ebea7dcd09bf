import { createMetricsRegistry } from "@hireloop/observability";
import { endpointSlos, sloGroupOf } from "@hireloop/observability/slo";
import { Counter, Gauge, Histogram, type Registry } from "prom-client";

export interface RouterMetrics {
  registry: Registry;
  httpDuration: Histogram<"method" | "route" | "status" | "group">;
  proxiedRequests: Counter<"cell" | "status">;
  cellUp: Gauge<"cell">;
  rateLimited: Counter<"scope">;
  newTenantsRedirected: Counter<"full" | "cell">;
  regionUp: Gauge<"peer">;
  regionHops: Counter<"peer" | "status">;
  homeClaims: Counter<"outcome" | "unconfirmed">;
  directoryEvents: Counter<"origin" | "outcome">;
  eventApplyDelay: Histogram<"origin">;
  replicationHeartbeat: Gauge<"origin">;
}

/** The request's SLO endpoint group (docs/slo.md), or "other" outside every group (probes, docs, the web app, unknown paths). */
export function sloGroupLabel(method: string, path: string): string {
  return sloGroupOf(method, path) ?? "other";
}

/** Latency buckets that include every SLO threshold, so a latency objective is a bucket's share of requests. */
export const requestDurationBuckets = [
  ...new Set([
    0.001,
    0.0025,
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1,
    2.5,
    5,
    10,
    30,
    ...endpointSlos.flatMap((slo) => [slo.latencyMs.p95 / 1000, slo.latencyMs.p99 / 1000]),
  ]),
].sort((a, b) => a - b);

export function createRouterMetrics(labels: { region: string; router: string }): RouterMetrics {
  const registry = createMetricsRegistry(labels);
  return {
    registry,
    httpDuration: new Histogram({
      name: "hl_router_request_duration_seconds",
      help: "Time until the response head is sent, by router route and SLO endpoint group (proxied streams keep flowing after it)",
      labelNames: ["method", "route", "status", "group"],
      buckets: requestDurationBuckets,
      registers: [registry],
    }),
    proxiedRequests: new Counter({
      name: "hl_router_proxied_requests_total",
      help: "Requests for a cell by the status the client got (the cell's, or the router's 503/504 for it)",
      labelNames: ["cell", "status"],
      registers: [registry],
    }),
    cellUp: new Gauge({
      name: "hl_router_cell_up",
      help: "1 while the router's health checks see the cell up, 0 while it counts as down",
      labelNames: ["cell"],
      registers: [registry],
    }),
    rateLimited: new Counter({
      name: "hl_router_rate_limited_total",
      help: "Requests refused with 429, by limit (address before sign-in, user after)",
      labelNames: ["scope"],
      registers: [registry],
    }),
    newTenantsRedirected: new Counter({
      name: "hl_router_new_tenants_redirected_total",
      help: "New tenants whose bucket's cell was full, by that cell and the cell they were pinned to instead",
      labelNames: ["full", "cell"],
      registers: [registry],
    }),
    regionUp: new Gauge({
      name: "hl_router_region_up",
      help: "1 while the router's health checks see a peer region's router up, 0 while it counts as down",
      labelNames: ["peer"],
      registers: [registry],
    }),
    regionHops: new Counter({
      name: "hl_router_region_hops_total",
      help: "Requests sent on to the user's home region, by that region and the status the client got",
      labelNames: ["peer", "status"],
      registers: [registry],
    }),
    homeClaims: new Counter({
      name: "hl_router_home_claims_total",
      help: "New users this router claimed a home for: won (the wanted region) or lost to an earlier claim; unconfirmed when a peer could not be asked",
      labelNames: ["outcome", "unconfirmed"],
      registers: [registry],
    }),
    directoryEvents: new Counter({
      name: "hl_router_directory_events_total",
      help: "Events of every region the directory consumer read, by origin region and outcome (applied, duplicate, conflict, malformed)",
      labelNames: ["origin", "outcome"],
      registers: [registry],
    }),
    eventApplyDelay: new Histogram({
      name: "hl_router_event_apply_delay_seconds",
      help: "From an event's creation in its cell to its application here, by origin region: outbox, Kafka, MirrorMaker 2 and this consumer",
      labelNames: ["origin"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
      registers: [registry],
    }),
    replicationHeartbeat: new Gauge({
      name: "hl_router_replication_heartbeat_timestamp_seconds",
      help: "When the newest MirrorMaker 2 heartbeat from a peer region (emitted there every second) was made, as seen here: time() minus it is the replication delay, and grows while replication stops",
      labelNames: ["origin"],
      registers: [registry],
    }),
  };
}
