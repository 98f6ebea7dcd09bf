import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { describe, expect, it } from "vitest";
import { useTestCell } from "../support/cell.ts";

const cell = useTestCell({ worker: false });

describe("POST /v1/roasts", () => {
  it("refuses a style it does not know (400) and a resume it cannot find (404)", async () => {
    const cy = cell.as("cy");
    const resume = await (await cy("/v1/resumes", json({ text: textFixture("resume.txt") }))).json();
    const unknownStyle = await cy("/v1/roasts", json({ resumeId: resume.id, style: "brutal" }));
    expect([unknownStyle.status, (await unknownStyle.json()).code]).toEqual([400, "validation_failed"]);
    const missing = await cy("/v1/roasts", json({ resumeId: "00000000-0000-4000-8000-000000000000" }));
    expect([missing.status, (await missing.json()).code]).toEqual([404, "not_found"]);
  });
});
