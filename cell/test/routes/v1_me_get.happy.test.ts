import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";

const cell = useTestCell({ worker: false });

describe("GET /v1/me", () => {
  it("registers a user as a tenant of the cell on their first write, and counts them in its health", async () => {
    const newcomer = cell.as("newcomer-on-this-cell");
    const countOf = async () =>
      ((await (await cell.request("/healthz")).json()) as { tenants?: number }).tenants;
    const before = await (await newcomer("/v1/me")).json();
    expect(before).toEqual({
      userId: "newcomer-on-this-cell",
      cell: "us-east-1",
      region: "us-east",
      registeredAt: null,
    });
    await expect.poll(countOf).toBeTypeOf("number");
    const counted = await countOf();

    expect((await newcomer("/v1/jobs", json({ text: textFixture("job-backend.txt") }))).status).toBe(201);
    const after = await (await newcomer("/v1/me")).json();
    expect(Date.parse(after.registeredAt)).toBeGreaterThan(Date.now() - 60_000);
    await expect.poll(countOf, { timeout: 5_000 }).toBe((counted ?? 0) + 1);
    expect((await newcomer("/v1/jobs", json({ text: textFixture("job-backend.txt") }))).status).toBe(201);
    expect((await (await newcomer("/v1/me")).json()).registeredAt).toBe(after.registeredAt);
  });
});
