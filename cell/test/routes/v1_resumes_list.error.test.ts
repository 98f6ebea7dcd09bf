import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";

const cell = useTestCell({ worker: false });

describe("GET /v1/resumes", () => {
  it("answers a cursor it did not give with 422 invalid_cursor, and one that is no cursor with 400", async () => {
    for (const cursor of ["nonsense", Buffer.from("2024-01-01|x").toString("base64url")]) {
      const res = await cell.as("lena-list")(`/v1/resumes?cursor=${cursor}`);
      expect(res.status).toBe(422);
      expect((await res.json()).code).toBe("invalid_cursor");
    }
    const res = await cell.as("lena-list")("/v1/resumes?cursor=%27");
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe("validation_failed");
  });
});
