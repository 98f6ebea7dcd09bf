import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { expect } from "vitest";
import type { TestCell } from "./cell.ts";

type Caller = ReturnType<TestCell["as"]>;

/** The fixture resume under another name, stored for the caller. */
export async function newResume(caller: Caller, name: string) {
  const text = textFixture("resume.txt").replace("Dana Whitfield", name);
  const res = await caller("/v1/resumes", json({ text }));
  expect(res.status).toBe(201);
  return res.json();
}

/** A PATCH with a JSON body. */
export const patch = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "PATCH",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

/** The fixture resume and the backend job posting, stored for the caller: what most flows start from. */
export async function resumeAndJob(caller: (path: string, init?: RequestInit) => Promise<Response>) {
  const resume = await (await caller("/v1/resumes", json({ text: textFixture("resume.txt") }))).json();
  const job = await (await caller("/v1/jobs", json({ text: textFixture("job-backend.txt") }))).json();
  return { resume, job };
}
