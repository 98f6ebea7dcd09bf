import { endpointSlos } from "@hireloop/observability/slo";
import { describe, expect, it } from "vitest";
import { createRouterMetrics, requestDurationBuckets, sloGroupLabel } from "../src/metrics.ts";

describe("the router's request histogram", () => {
  it("has a bucket bound at every SLO latency threshold, so each objective is one bucket's share", async () => {
    for (const slo of endpointSlos) {
      expect(requestDurationBuckets).toContain(slo.latencyMs.p95 / 1000);
      expect(requestDurationBuckets).toContain(slo.latencyMs.p99 / 1000);
    }
    const metrics = createRouterMetrics({ region: "us-east", router: "r1" });
    metrics.httpDuration.observe({ method: "GET", route: "/v1/*", status: "200", group: "reads" }, 0.3);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/hl_router_request_duration_seconds_bucket\{le="0.25",[^}]*group="reads"[^}]*\} 0/);
    expect(text).toMatch(/hl_router_request_duration_seconds_bucket\{le="0.5",[^}]*group="reads"[^}]*\} 1/);
  });

  it("labels a request with its endpoint group, and everything outside the groups as other", () => {
    expect(sloGroupLabel("GET", "/v1/tailorings/t1/document")).toBe("downloads");
    expect(sloGroupLabel("GET", "/docs")).toBe("other");
    expect(sloGroupLabel("GET", "/v1/nothing-here")).toBe("other");
  });
});
