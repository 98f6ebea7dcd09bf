import { describe, expect, it } from "vitest";
import { endpointSlos, SLO_WINDOW_DAYS, sloGroupOf } from "../src/slo.ts";

describe("the service level objectives", () => {
  it("name each group once and hold it to an availability below 100% and a p95 under its p99", () => {
    expect(new Set(endpointSlos.map((slo) => slo.group)).size).toBe(endpointSlos.length);
    for (const slo of endpointSlos) {
      expect(slo.availability).toBeGreaterThan(0.9);
      expect(slo.availability).toBeLessThan(1);
      expect(slo.latencyMs.p95).toBeLessThan(slo.latencyMs.p99);
      expect(slo.routes.length).toBeGreaterThan(0);
    }
    expect(SLO_WINDOW_DAYS).toBe(30);
  });

  it("find the group of a request by its method and path, and of a route template", () => {
    expect(sloGroupOf("GET", "/v1/resumes")).toBe("reads");
    expect(sloGroupOf("GET", "/v1/resumes/0b8e2c4e-6f1d-4a57-9d38-0c7c9a7e5e11")).toBe("reads");
    expect(sloGroupOf("get", "/v1/resumes/:id")).toBe("reads");
    expect(sloGroupOf("PATCH", "/v1/resumes/r1")).toBe("writes");
    expect(sloGroupOf("POST", "/v1/resumes")).toBe("uploads");
    expect(sloGroupOf("POST", "/v1/tailorings")).toBe("workflow_starts");
    expect(sloGroupOf("GET", "/v1/tailorings/t1/document")).toBe("downloads");
    expect(sloGroupOf("GET", "/v1/workflows/w1/events")).toBe("streams");
    expect(sloGroupOf("GET", "/v1/workflows/w1")).toBe("reads");
  });

  it("leave requests outside every group alone: other paths, methods, extra or missing segments", () => {
    expect(sloGroupOf("GET", "/healthz")).toBeUndefined();
    expect(sloGroupOf("GET", "/v1/resumes/a/b")).toBeUndefined();
    expect(sloGroupOf("GET", "/v1/tailorings//document")).toBeUndefined();
    expect(sloGroupOf("PUT", "/v1/resumes/r1")).toBeUndefined();
    expect(sloGroupOf("GET", "/v1/resumesX")).toBeUndefined();
    expect(sloGroupOf("GET", "/ops/v1/resumes")).toBeUndefined();
  });
});
