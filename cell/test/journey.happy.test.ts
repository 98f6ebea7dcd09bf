import { extractResumeText } from "@hireloop/resume-core/documents";
import { json } from "@hireloop/testkit/client";
import { textFixture } from "@hireloop/testkit/fixtures";
import { describe, expect, it } from "vitest";
import { useTestCell, waitForWorkflow } from "./support/cell.ts";

const cell = useTestCell();

describe("a job seeker from upload to a tailored resume", () => {
  it("uploads, analyzes, matches, tailors and downloads a PDF with their name and matching skills", async () => {
    const alice = cell.as("alice");
    const resumeRes = await alice("/v1/resumes", json({ text: textFixture("resume.txt") }));
    expect(resumeRes.status).toBe(201);
    expect(resumeRes.headers.get("x-hl-cell")).toBe("us-east-1");
    const resume = await resumeRes.json();
    expect(resume.sections.contact.name).toBe("Dana Whitfield");
    expect(resume.sections.contact.email).toBe("dana.whitfield@example.com");
    expect(resume.sections.experience.map((e: { company: string }) => e.company)).toEqual([
      "Ledgerly",
      "Brightpath Health",
    ]);

    const jobRes = await alice("/v1/jobs", json({ text: textFixture("job-backend.txt") }));
    expect(jobRes.status).toBe(201);
    const job = await jobRes.json();
    expect(job.analysis.requiredSkills).toEqual(
      expect.arrayContaining(["TypeScript", "PostgreSQL", "Kafka"]),
    );
    expect(job.analysis.yearsOfExperience).toBe(5);

    const matchRes = await alice("/v1/matches", json({ resumeId: resume.id, jobId: job.id }));
    expect(matchRes.status).toBe(200);
    const match = await matchRes.json();
    expect(match.score).toBeGreaterThan(40);
    expect(match.missingKeywords).toContain("Kubernetes");
    const { keywordCoverage, skillsCoverage, roleFit, fieldFit, experienceFit, sectionCompleteness } =
      match.breakdown;
    expect(match.score).toBe(
      Math.round(
        0.25 * keywordCoverage +
          0.2 * skillsCoverage +
          0.15 * roleFit +
          0.25 * fieldFit +
          0.1 * experienceFit +
          0.05 * sectionCompleteness,
      ),
    );
    const advice = match.suggestions as Array<{ text: string; reason: string; section: string }>;
    expect(advice.map((suggestion) => suggestion.text).join(" ")).toMatch(/Kubernetes/);
    expect(advice.every((suggestion) => suggestion.reason !== "" && suggestion.section !== "")).toBe(true);

    const started = await alice(
      "/v1/tailorings",
      json({ resumeId: resume.id, jobId: job.id, format: "pdf" }),
    );
    expect(started.status).toBe(202);
    const { workflowId } = await started.json();
    const done = await waitForWorkflow(alice, workflowId);
    expect(done).toMatchObject({ status: "succeeded", progress: 100 });
    expect(done.steps.map((s) => [s.name, s.status])).toEqual([
      ["analyze", "succeeded"],
      ["tailor", "succeeded"],
      ["render", "succeeded"],
    ]);

    const tailoringRes = await alice(`/v1/tailorings/${done.tailoringId}`);
    expect(tailoringRes.status).toBe(200);
    const tailoring = await tailoringRes.json();
    expect(tailoring).toMatchObject({
      id: done.tailoringId,
      resumeId: resume.id,
      jobId: job.id,
      format: "pdf",
    });
    expect(tailoring.documentUrl).toBe(`/v1/tailorings/${done.tailoringId}/document`);
    const edits = tailoring.edits as Array<{
      section: string;
      before: string;
      after: string;
      reason: string;
    }>;
    expect(edits.length).toBeGreaterThan(0);
    for (const edit of edits) {
      expect(edit.before).not.toBe(edit.after);
      expect(edit.reason).toMatch(/job/);
    }

    const doc = await alice(tailoring.documentUrl);
    expect(doc.status).toBe(200);
    expect(doc.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await doc.arrayBuffer());
    const { kind, text } = await extractResumeText(bytes);
    expect(kind).toBe("pdf");
    for (const expected of ["Dana Whitfield", "TypeScript", "PostgreSQL", "Kafka", "Ledgerly"]) {
      expect(text).toContain(expected);
    }
  });

  it("serves the OpenAPI document and a docs page", async () => {
    const spec = await (await cell.request("/openapi.json")).json();
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/v1/resumes",
        "/v1/jobs",
        "/v1/matches",
        "/v1/tailorings",
        "/v1/workflows/{id}",
      ]),
    );
    const docs = await cell.request("/docs");
    expect(await docs.text()).toContain('<script src="/docs/assets/start.js">');
    expect(await (await cell.request("/docs/assets/start.js")).text()).toContain("/openapi.json");
    expect((await cell.request("/docs/assets/swagger-ui-bundle.js")).status).toBe(200);
  });

  it("reports readiness of Postgres, Redis and Kafka and exposes metrics on the admin listener only", async () => {
    const ready = await cell.admin.request("/readyz");
    const body = await ready.json();
    expect(body.checks).toMatchObject({ postgres: { ok: true }, redis: { ok: true }, kafka: { ok: true } });
    expect(ready.status).toBe(200);
    const metrics = await (await cell.admin.request("/metrics")).text();
    expect(metrics).toMatch(/hl_http_request_duration_seconds_bucket\{[^}]*route="\/v1\/resumes"/);
    expect(metrics).toMatch(/hl_workflow_steps_total\{[^}]*step="render"[^}]*outcome="succeeded"/);
    // The API's port serves the router only: even a router-signed request finds no metrics there.
    for (const path of ["/metrics", "/readyz"]) expect((await cell.request(path)).status).toBe(404);
  });
});
