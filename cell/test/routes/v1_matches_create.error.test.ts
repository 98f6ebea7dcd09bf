import { json } from "@hireloop/testkit/client";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";

const cell = useTestCell({ worker: false });

describe("POST /v1/matches", () => {
  it("names each invalid field", async () => {
    const res = await cell.as("alice")("/v1/matches", json({ resumeId: "not-a-uuid" }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe("validation_failed");
    expect(body.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["resumeId", "jobId"]),
    );
  });
});
