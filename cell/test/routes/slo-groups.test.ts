import { endpointSlos, sloGroupOf } from "@hireloop/observability/slo";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";

const cell = useTestCell({ worker: false });

describe("the SLO endpoint groups (docs/slo.md)", () => {
  it("hold every /v1 route the cell registers exactly once, and no route it does not", () => {
    const registered = cell.app.routes
      .filter((route) => route.path.startsWith("/v1/") && route.method !== "ALL")
      .map((route) => `${route.method} ${route.path}`);
    const grouped = endpointSlos.flatMap((slo) => slo.routes.map((route) => `${route.method} ${route.path}`));
    expect(registered.length).toBeGreaterThanOrEqual(20);
    expect([...grouped].sort()).toEqual([...new Set(registered)].sort());
    for (const route of registered) {
      const [method = "", path = ""] = route.split(" ");
      expect(sloGroupOf(method, path), route).toBeDefined();
    }
  });
});
