import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";

const cell = useTestCell({ worker: false });

const folder = new URL("./", import.meta.url);

/** The routes the security files of this folder run the shared suite for, by file. */
function suiteRuns(): Map<string, string> {
  const runs = new Map<string, string>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".security.test.ts"))) {
    const text = readFileSync(new URL(file, folder), "utf8");
    for (const [, route] of text.matchAll(/describeRouteSecurity\(\s*"([A-Z]+ [^"]+)"/g)) {
      if (route) runs.set(route, file);
    }
  }
  return runs;
}

describe("the shared security suite's reach", () => {
  it("runs for every /v1 route the cell registers, each from the route's own security file", () => {
    const registered = cell.app.routes
      .filter((route) => route.path.startsWith("/v1/") && route.method !== "ALL")
      .map((route) => `${route.method} ${route.path.replace(/:([A-Za-z]+)/g, "{$1}")}`);
    const runs = suiteRuns();
    expect(registered.length).toBeGreaterThanOrEqual(20);
    expect(registered.filter((route) => !runs.has(route))).toEqual([]);
    expect([...runs.keys()].filter((route) => !registered.includes(route))).toEqual([]);
  });

  it("names each security file for its route's file in src/api/routes", () => {
    const routeFiles = readdirSync(new URL("../../src/api/routes/", import.meta.url))
      .filter((f) => f.startsWith("v1_"))
      .map((f) => f.replace(/\.ts$/, ".security.test.ts"));
    expect([...suiteRuns().values()].sort()).toEqual(routeFiles.sort());
  });
});
