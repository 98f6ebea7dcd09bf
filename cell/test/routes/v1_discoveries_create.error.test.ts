import { json } from "@hireloop/testkit/client";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";

const cell = useTestCell({ worker: false });

describe("POST /v1/discoveries", () => {
  it("refuses a board the region does not search, naming its boards (400 unknown_board)", async () => {
    const request = cell.as("board-picker");
    const res = await request("/v1/discoveries", json({ query: "backend engineer", boards: ["nowhere"] }));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.code).toBe("unknown_board");
    expect(body.details.boards.length).toBeGreaterThan(0);
    expect(body.message).not.toMatch(/INVALID_ARGUMENT/);
  });
});
