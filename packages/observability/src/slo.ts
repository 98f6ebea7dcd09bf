/**
 * Hireloop's service level objectives: the one source the Prometheus rules, the dashboards,
 * docs/slo.md and the k6 thresholds are made from (ADR 0039). Judged at the router, per request,
 * over a rolling window. This module imports nothing: k6 scripts bundle it.
 */

export type EndpointGroup =
  | "reads"
  | "writes"
  | "workflow_starts"
  | "analyses"
  | "uploads"
  | "downloads"
  | "streams";

export interface RouteTemplate {
  method: string;
  /** As the cell labels it in its metrics (hono's route path, `:id` for a parameter). */
  path: string;
}

export interface EndpointSlo {
  group: EndpointGroup;
  /** What users do with these routes, and what the latency measures for them. */
  description: string;
  routes: readonly RouteTemplate[];
  /** The share of requests answered without a 5xx (the router's own 502/503/504 included) over the window. */
  availability: number;
  /**
   * The time until the router sends the response head, which 95% and 99% of requests beat. For a
   * download that is the time to its first byte; for a stream the time to its first event (the
   * cell loads the workflow before it answers and writes the first event right after the head).
   */
  latencyMs: { p95: number; p99: number };
}

/** The rolling window every objective is judged over, and its error budget spent in. */
export const SLO_WINDOW_DAYS = 30;

export const endpointSlos: readonly EndpointSlo[] = [
  {
    group: "reads",
    description: "Look at what is there: resumes, jobs, workflows and their results, who you are",
    routes: [
      { method: "GET", path: "/v1/me" },
      { method: "GET", path: "/v1/resumes" },
      { method: "GET", path: "/v1/resumes/:id" },
      { method: "GET", path: "/v1/jobs" },
      { method: "GET", path: "/v1/jobs/:id" },
      { method: "GET", path: "/v1/discoveries/:id" },
      { method: "GET", path: "/v1/roasts/:id" },
      { method: "GET", path: "/v1/tailorings/:id" },
      { method: "GET", path: "/v1/workflows/:id" },
    ],
    availability: 0.999,
    latencyMs: { p95: 250, p99: 500 },
  },
  {
    group: "writes",
    description: "Change or remove what is there: correct or delete a resume, cancel a workflow",
    routes: [
      { method: "PATCH", path: "/v1/resumes/:id" },
      { method: "DELETE", path: "/v1/resumes/:id" },
      { method: "POST", path: "/v1/workflows/:id/cancel" },
    ],
    availability: 0.999,
    latencyMs: { p95: 500, p99: 1000 },
  },
  {
    group: "workflow_starts",
    description:
      "Start a tailoring, a roast or a job discovery: one transaction enqueues it, the worker does the work",
    routes: [
      { method: "POST", path: "/v1/tailorings" },
      { method: "POST", path: "/v1/roasts" },
      { method: "POST", path: "/v1/discoveries" },
    ],
    availability: 0.999,
    latencyMs: { p95: 250, p99: 500 },
  },
  {
    group: "analyses",
    description:
      "Post a job description and get its analysis, or score a resume against a job, while waiting",
    routes: [
      { method: "POST", path: "/v1/jobs" },
      { method: "POST", path: "/v1/matches" },
    ],
    availability: 0.995,
    latencyMs: { p95: 1000, p99: 2500 },
  },
  {
    group: "uploads",
    description: "Upload a resume (PDF, DOCX or text, up to 5 MB) and get it parsed into sections",
    routes: [{ method: "POST", path: "/v1/resumes" }],
    availability: 0.995,
    latencyMs: { p95: 2500, p99: 5000 },
  },
  {
    group: "downloads",
    description: "Download a tailored resume, already rendered (latency to the first byte)",
    routes: [{ method: "GET", path: "/v1/tailorings/:id/document" }],
    availability: 0.999,
    latencyMs: { p95: 500, p99: 1000 },
  },
  {
    group: "streams",
    description:
      "Follow a workflow's progress as server-sent events (latency to the first event, not the stream's length)",
    routes: [{ method: "GET", path: "/v1/workflows/:id/events" }],
    availability: 0.999,
    latencyMs: { p95: 500, p99: 1000 },
  },
];

interface CompiledRoute {
  pattern: RegExp;
  group: EndpointGroup;
}

/** Route templates as anchored patterns by method: a parameter matches one path segment. */
const routesByMethod = new Map<string, CompiledRoute[]>();
for (const slo of endpointSlos) {
  for (const route of slo.routes) {
    const source = route.path.replace(/:[A-Za-z]+/g, "[^/]+");
    const compiled = routesByMethod.get(route.method) ?? [];
    compiled.push({ pattern: new RegExp(`^${source}$`), group: slo.group });
    routesByMethod.set(route.method, compiled);
  }
}

/** The group a request (`GET /v1/resumes/abc`, or a template) belongs to; undefined outside every group. */
export function sloGroupOf(method: string, path: string): EndpointGroup | undefined {
  const routes = routesByMethod.get(method.toUpperCase());
  if (routes === undefined) return undefined;
  for (const route of routes) if (route.pattern.test(path)) return route.group;
  return undefined;
}
