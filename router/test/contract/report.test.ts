import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readJunit } from "./schemathesis.ts";

const junit = readFileSync(new URL("./fixtures/junit.xml", import.meta.url), "utf8");

describe("reading schemathesis's JUnit report", () => {
  const { failures, errors } = readJunit(junit);

  it("lists each failure once, with its scenario, request, checks, status and reproduction", () => {
    expect(failures.map((f) => [f.operation, f.request, f.checks, f.status])).toEqual([
      ["POST /v1/jobs", "TRACE /v1/jobs", ["ST204 Wrong response to undeclared method"], 404],
      ["POST /v1/jobs", "POST /v1/jobs", ["ST101 Server error", "ST103 Undocumented status code"], 500],
      [
        "Stateful tests",
        "GET /v1/workflows/91573c8b-4739-4b4a-be03-2f69fe90bb84/events",
        ["ST108 SSE event violates schema"],
        200,
      ],
    ]);
  });

  it("keeps the curl commands as schemathesis wrote them, XML entities decoded", () => {
    expect(failures[1]?.curl).toEqual([
      `curl -X POST -H 'Authorization: [Filtered]' -H 'Content-Type: application/json' -d '{"text": "a\\u0000<b> & more than twenty characters"}' http://127.0.0.1:37207/v1/jobs`,
    ]);
    expect(failures[2]?.curl).toHaveLength(2);
    expect(failures[1]?.details).toContain("Documented: 201, 400, 401");
    expect(failures[1]?.details).not.toContain("Identity:");
  });

  it("reports errors (a request that timed out) apart from failures", () => {
    expect(errors).toEqual([
      "GET /v1/workflows/{id}/events: Network Error\n\nRead timed out. (read timeout=10.0)",
    ]);
  });
});
