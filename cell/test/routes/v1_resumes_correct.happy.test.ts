import { json } from "@hireloop/testkit/client";
import { describe, expect, it } from "vitest";
import { useTestCell, waitForWorkflow } from "../support/cell.ts";
import { newResume, patch } from "../support/requests.ts";
import { scalar } from "../support/sql.ts";

const cell = useTestCell();

describe("PATCH /v1/resumes/{id}", () => {
  it("replaces the fields given, keeps the others, counts versions and marks earlier roasts stale", async () => {
    const max = cell.as("max-corrects");
    const resume = await newResume(max, "Max Mustermann");
    const started = await max("/v1/roasts", json({ resumeId: resume.id, style: "honest", mode: "rules" }));
    const roastDone = await waitForWorkflow(max, (await started.json()).workflowId);
    expect((await (await max(`/v1/roasts/${roastDone.resultId}`)).json()).stale).toBe(false);

    const experience = [
      { title: "Staff Engineer", company: "Ledgerly", startDate: "2021", bullets: ["Led payments"] },
    ];
    const res = await max(
      `/v1/resumes/${resume.id}`,
      patch({ skills: ["Go", "Kafka"], experience }, { "if-match": '"1"' }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("etag")).toBe('"2"');
    const corrected = await res.json();
    expect(corrected.version).toBe(2);
    expect(corrected.sections.skills).toEqual(["Go", "Kafka"]);
    expect(corrected.sections.experience).toEqual(experience);
    expect(corrected.sections.contact).toEqual(resume.sections.contact);

    const read = await max(`/v1/resumes/${resume.id}`);
    expect(read.headers.get("etag")).toBe('"2"');
    expect((await read.json()).sections.skills).toEqual(["Go", "Kafka"]);
    expect((await (await max(`/v1/roasts/${roastDone.resultId}`)).json()).stale).toBe(true);
    const events = await scalar(
      cell.deps.sql`select count(*)::int as count from outbox
        where key = 'max-corrects' and envelope->>'type' = 'resume.corrected'`,
    );
    expect(events).toBe(1);
  });
});
