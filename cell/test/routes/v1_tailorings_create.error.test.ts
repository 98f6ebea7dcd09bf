import { json } from "@hireloop/testkit/client";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";

const cell = useTestCell({ worker: false });

describe("POST /v1/tailorings", () => {
  it("refuses a tailoring of an unknown resume with 404", async () => {
    const res = await cell.as("alice")(
      "/v1/tailorings",
      json({ resumeId: crypto.randomUUID(), jobId: crypto.randomUUID(), format: "pdf" }),
    );
    expect(res.status).toBe(404);
  });
});
