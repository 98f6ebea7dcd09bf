import { json } from "@hireloop/testkit/client";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";

const cell = useTestCell({ worker: false });

describe("POST /v1/jobs", () => {
  it("refuses a job description too short to analyze", async () => {
    const res = await cell.as("alice")("/v1/jobs", json({ text: "hi" }));
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("validation_failed");
  });
});
