import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestCell, type TestCell, waitForWorkflow } from "./support/cell.ts";
import { scalar } from "./support/sql.ts";

let cell: TestCell;
beforeAll(async () => {
  cell = await startTestCell();
});
afterAll(async () => {
  await cell?.close();
});

type Caller = ReturnType<TestCell["as"]>;

async function newResume(caller: Caller, name: string) {
  const text = textFixture("resume.txt").replace("Dana Whitfield", name);
  const res = await caller("/v1/resumes", json({ text }));
  expect(res.status).toBe(201);
  return res.json();
}

const patch = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "PATCH",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

describe("a user's resumes, listed", () => {
  it("pages newest first with a cursor, and shows each user only their own", async () => {
    const lena = cell.as("lena-list");
    const made = [];
    for (const name of ["Ada One", "Ben Two", "Cy Three"]) made.push(await newResume(lena, name));

    const first = await (await lena("/v1/resumes?limit=2")).json();
    expect(first.resumes.map((r: { name: string }) => r.name)).toEqual(["Cy Three", "Ben Two"]);
    expect(first.resumes[0]).toMatchObject({ id: made[2].id, kind: "text", version: 1 });
    expect(first.nextCursor).toEqual(expect.any(String));

    // A resume added between pages neither repeats nor shifts the next page.
    await newResume(lena, "Dee Four");
    const second = await (await lena(`/v1/resumes?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.resumes.map((r: { name: string }) => r.name)).toEqual(["Ada One"]);
    expect(second.nextCursor).toBeNull();

    expect((await (await cell.as("lena-other")("/v1/resumes")).json()).resumes).toEqual([]);
  });

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

describe("a user's corrections to a parsed resume", () => {
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

  it("refuses a correction made to an older version (412), and bodies that are no correction (400)", async () => {
    const max = cell.as("max-refused");
    const resume = await newResume(max, "Max Refused");
    await max(`/v1/resumes/${resume.id}`, patch({ summary: "First correction." }));

    const stale = await max(
      `/v1/resumes/${resume.id}`,
      patch({ summary: "Lost update" }, { "if-match": '"1"' }),
    );
    expect(stale.status).toBe(412);
    expect((await stale.json()).code).toBe("version_mismatch");

    for (const body of [
      {},
      { skills: "Go" },
      { experience: [{ title: "No company or bullets" }] },
      { favouriteColour: "green" },
      { skills: Array.from({ length: 301 }, (_, index) => `skill ${index}`) },
    ]) {
      const res = await max(`/v1/resumes/${resume.id}`, patch(body));
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect((await res.json()).code).toBe("validation_failed");
    }
    const notOurTag = await max(
      `/v1/resumes/${resume.id}`,
      patch({ summary: "x" }, { "if-match": "version 2" }),
    );
    expect(notOurTag.status).toBe(412);

    const now = await (await max(`/v1/resumes/${resume.id}`)).json();
    expect(now).toMatchObject({ version: 2, sections: { summary: "First correction." } });
  });
});

describe("deleting a resume", () => {
  it("deletes it with its roasts, and answers 404 after", async () => {
    const nia = cell.as("nia-deletes");
    const resume = await newResume(nia, "Nia Delete");
    const started = await nia("/v1/roasts", json({ resumeId: resume.id, style: "gentle", mode: "rules" }));
    const roastDone = await waitForWorkflow(nia, (await started.json()).workflowId);

    const res = await nia(`/v1/resumes/${resume.id}`, { method: "DELETE" });
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
    expect((await nia(`/v1/resumes/${resume.id}`)).status).toBe(404);
    expect((await nia(`/v1/roasts/${roastDone.resultId}`)).status).toBe(404);
    expect((await (await nia("/v1/resumes")).json()).resumes).toEqual([]);
    expect((await nia(`/v1/resumes/${resume.id}`, { method: "DELETE" })).status).toBe(404);
  });
});

describe("another user's resume", () => {
  it("cannot be corrected or deleted: 404, and it stays as it was", async () => {
    const owner = cell.as("owner-kept");
    const resume = await newResume(owner, "Olga Owner");
    const eve = cell.as("eve-intruder");
    for (const init of [patch({ summary: "Hacked" }), { method: "DELETE" }]) {
      const res = await eve(`/v1/resumes/${resume.id}`, init);
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("Olga");
    }
    expect(await (await owner(`/v1/resumes/${resume.id}`)).json()).toEqual(resume);
  });
});
